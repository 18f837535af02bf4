package dev.gatehouse.gateway.authn;

import java.time.Instant;

import io.vertx.core.json.JsonObject;

/** The claims of an ID token whose signature, issuer, audience, lifetime (and nonce, where expected) checked out. */
record VerifiedToken(JsonObject claims, Instant expiresAt) {

    String subject() {
        return claims.getString("sub");
    }
}
