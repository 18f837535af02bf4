package dev.gatehouse.gateway.identity;

import java.time.Instant;
import java.util.Objects;

/** A signed identity assertion (compact JWS) for {@code X-Gatehouse-Jwt-Assertion}, with the key and times it has. */
public record SignedAssertion(String token, String kid, Instant issuedAt, Instant expiresAt) {
    public static final String HEADER = "X-Gatehouse-Jwt-Assertion";

    public SignedAssertion {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The token only: it is a bearer credential for the upstream, so it stays out of logs. */
    @Override
    public String toString() {
        return "SignedAssertion[kid=" + kid + ", issuedAt=" + issuedAt + ", expiresAt=" + expiresAt + "]";
    }
}
