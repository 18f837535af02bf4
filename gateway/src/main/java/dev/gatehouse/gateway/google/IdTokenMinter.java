package dev.gatehouse.gateway.google;

import java.util.Optional;

import dev.gatehouse.core.cloudrun.SigningIdentity;

/** Mints one Google ID token, blocking the calling thread (never call it on an event loop). */
@FunctionalInterface
public interface IdTokenMinter {

    /** Throws with a message that says what went wrong (it becomes the cause part of the explained failure). */
    IdToken mint(SigningIdentity identity, String audience) throws Exception;

    /** The email of the gateway's own service account, when this minter can tell (blocking). */
    default Optional<String> gatewayAccount() throws Exception {
        return Optional.empty();
    }
}
