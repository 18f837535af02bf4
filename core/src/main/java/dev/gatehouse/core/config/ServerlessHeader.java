package dev.gatehouse.core.config;

import java.util.Arrays;
import java.util.Optional;

/** The request header that carries the Google ID token to a Cloud Run upstream. */
public enum ServerlessHeader {
  X_SERVERLESS_AUTHORIZATION("x-serverless-authorization"),
  AUTHORIZATION("authorization");

  private final String wireName;

  ServerlessHeader(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<ServerlessHeader> fromWire(String value) {
    return Arrays.stream(values()).filter(h -> h.wireName.equals(value)).findFirst();
  }
}
