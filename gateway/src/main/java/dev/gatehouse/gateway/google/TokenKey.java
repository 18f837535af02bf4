package dev.gatehouse.gateway.google;

import java.util.Objects;

import dev.gatehouse.core.cloudrun.SigningIdentity;

/** What a cached ID token is for: who signed it and its audience. */
public record TokenKey(SigningIdentity identity, String audience) {

    public TokenKey {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(audience, "audience");
    }

    /** A text form for stores that key by string (a cluster map): {@code IDENTITY_KEY AUDIENCE}. */
    public String storageKey() {
        return identity.key() + " " + audience;
    }
}
