package dev.gatehouse.gateway.authn;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A sign-in sent to the identity provider and not yet back. Keyed by {@code state}; bound to the browser that
 * started it through {@code browserBinding}, the value of its short-lived login cookie.
 */
public record PendingLogin(
        String state,
        UUID tenantId,
        String idpName,
        String nonce,
        String codeVerifier,
        String browserBinding,
        String returnTo,
        Instant expiresAt) {

    public PendingLogin {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(idpName, "idpName");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        Objects.requireNonNull(browserBinding, "browserBinding");
        Objects.requireNonNull(returnTo, "returnTo");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "PendingLogin[tenant=" + tenantId + ", idp=" + idpName + ", expiresAt=" + expiresAt + "]";
    }
}
