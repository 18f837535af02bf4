package dev.gatehouse.core.config;

import java.util.Objects;

/**
 * Google Cloud serverless authentication of an upstream. {@code audience} null means "https://" + the upstream's host;
 * {@code serviceAccount} null means the gateway's own identity.
 */
public record ServerlessAuth(boolean enabled, String audience, ServerlessHeader header, String serviceAccount) {
  public static final ServerlessAuth DISABLED =
      new ServerlessAuth(false, null, ServerlessHeader.X_SERVERLESS_AUTHORIZATION, null);

  public ServerlessAuth {
    Objects.requireNonNull(header, "header");
  }
}
