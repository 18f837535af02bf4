package dev.gatehouse.gateway.google;

import java.time.Instant;
import java.util.Objects;

/** A Google-signed OpenID Connect ID token and the moment it expires ({@code exp}). */
public record IdToken(String value, Instant expiresAt) {

    public IdToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Never prints the token itself. */
    @Override
    public String toString() {
        return "IdToken[expiresAt=" + expiresAt + "]";
    }
}
