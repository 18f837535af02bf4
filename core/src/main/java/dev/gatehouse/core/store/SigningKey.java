package dev.gatehouse.core.store;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A tenant's ES256 key that signs identity assertions, as stored: {@code kid} is the RFC 7638 thumbprint of
 * {@code publicJwk} (kty, crv, x, y); {@code privateKeySealed} is the PKCS#8 key sealed with the master key (see
 * {@link SigningKeyMaterial}). Active while {@code retiredAt} is null; a retired key stays published for
 * {@link #PUBLISHED_AFTER_RETIREMENT} so assertions it signed keep verifying until they expire.
 */
public record SigningKey(UUID tenantId, String kid, JsonObject publicJwk, byte[] privateKeySealed,
    Instant createdAt, Instant retiredAt) {

  /** The longest an identity assertion may be valid (DESIGN: exp at most 5 minutes after iat). */
  public static final Duration MAX_ASSERTION_LIFETIME = Duration.ofMinutes(5);
  /** Slack for verifiers' clocks and for gateways that have not yet reloaded after a rotation. */
  public static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
  /** How long a retired key stays in the JWKS. */
  public static final Duration PUBLISHED_AFTER_RETIREMENT = MAX_ASSERTION_LIFETIME.plus(CLOCK_SKEW);

  public static final String ALGORITHM = "ES256";

  public SigningKey {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(kid, "kid");
    publicJwk = Objects.requireNonNull(publicJwk, "publicJwk").copy();
    privateKeySealed = Objects.requireNonNull(privateKeySealed, "privateKeySealed").clone();
    Objects.requireNonNull(createdAt, "createdAt");
  }

  @Override
  public JsonObject publicJwk() {
    return publicJwk.copy();
  }

  @Override
  public byte[] privateKeySealed() {
    return privateKeySealed.clone();
  }

  /** The public key as published in a JWKS: kid, kty, crv, x, y, alg, use. */
  public JsonObject publishedJwk() {
    return new JsonObject()
        .put("kid", kid)
        .put("kty", publicJwk.getString("kty"))
        .put("crv", publicJwk.getString("crv"))
        .put("x", publicJwk.getString("x"))
        .put("y", publicJwk.getString("y"))
        .put("alg", ALGORITHM)
        .put("use", "sig");
  }

  public boolean active() {
    return retiredAt == null;
  }

  /** "active" or "retired", as in the database and the admin API. */
  public String state() {
    return active() ? "active" : "retired";
  }

  /** When a retired key leaves the JWKS; null while active. */
  public Instant publishedUntil() {
    return retiredAt == null ? null : retiredAt.plus(PUBLISHED_AFTER_RETIREMENT);
  }

  /** Whether the key belongs in the JWKS at {@code now}. */
  public boolean publishedAt(Instant now) {
    return retiredAt == null || publishedUntil().isAfter(now);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SigningKey k && tenantId.equals(k.tenantId) && kid.equals(k.kid)
        && publicJwk.equals(k.publicJwk) && java.util.Arrays.equals(privateKeySealed, k.privateKeySealed)
        && createdAt.equals(k.createdAt) && Objects.equals(retiredAt, k.retiredAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tenantId, kid, createdAt, retiredAt);
  }

  /** Leaves out the sealed key and the JWK: enough to identify the key in logs. */
  @Override
  public String toString() {
    return "SigningKey[tenantId=" + tenantId + ", kid=" + kid + ", createdAt=" + createdAt + ", retiredAt="
        + retiredAt + "]";
  }
}
