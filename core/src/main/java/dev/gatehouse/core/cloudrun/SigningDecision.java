package dev.gatehouse.core.cloudrun;

import dev.gatehouse.core.config.ServerlessHeader;
import java.util.Objects;

/** What the gateway does about a Google ID token for one upstream: nothing, sign as someone, or refuse. */
public sealed interface SigningDecision {

  /** Google serverless authentication is off: the request goes out without a Google token. */
  record Unsigned() implements SigningDecision {}

  /** Mint for ({@code identity}, {@code audience}) and send it as {@code Bearer} in {@code header}. */
  record Sign(SigningIdentity identity, String audience, ServerlessHeader header) implements SigningDecision {

    public Sign {
      Objects.requireNonNull(identity, "identity");
      Objects.requireNonNull(audience, "audience");
      Objects.requireNonNull(header, "header");
    }

    /** {@code X-Serverless-Authorization} or {@code Authorization}. */
    public String headerName() {
      return header == ServerlessHeader.AUTHORIZATION ? "Authorization" : "X-Serverless-Authorization";
    }

    /** The header's value for an ID token: {@code Bearer TOKEN}. */
    public String headerValue(String idToken) {
      return "Bearer " + idToken;
    }
  }

  /** Signing is configured but not allowed; the request must not go out (the pipeline answers 502 with the reason). */
  record Refused(String reason) implements SigningDecision {

    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
