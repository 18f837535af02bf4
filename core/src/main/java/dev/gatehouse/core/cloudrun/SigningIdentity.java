package dev.gatehouse.core.cloudrun;

import java.util.Objects;

/**
 * Whose Google identity signs an ID token: the gateway's own (ambient) identity, or a service account it
 * impersonates.
 */
public sealed interface SigningIdentity {

  /** For messages: "the gateway's own identity" or "service account EMAIL". */
  String describe();

  /** A stable text form, usable as a cache key across nodes: {@code gateway} or {@code sa:EMAIL}. */
  String key();

  static SigningIdentity gateway() {
    return Gateway.INSTANCE;
  }

  static SigningIdentity serviceAccount(String email) {
    return new ServiceAccount(email);
  }

  /**
   * The gateway's ambient credentials: the service-account key file the operator named, else the metadata server
   * of the Google Cloud runtime it runs on.
   */
  enum Gateway implements SigningIdentity {
    INSTANCE;

    @Override
    public String describe() {
      return "the gateway's own identity";
    }

    @Override
    public String key() {
      return "gateway";
    }
  }

  /** A service account the gateway impersonates through IAM Credentials {@code generateIdToken}. */
  record ServiceAccount(String email) implements SigningIdentity {

    public ServiceAccount {
      Objects.requireNonNull(email, "email");
      if (email.isBlank()) {
        throw new IllegalArgumentException("service account email is blank");
      }
    }

    @Override
    public String describe() {
      return "service account " + email;
    }

    @Override
    public String key() {
      return "sa:" + email;
    }
  }
}
