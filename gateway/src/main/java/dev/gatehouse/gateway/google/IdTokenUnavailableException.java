package dev.gatehouse.gateway.google;

import dev.gatehouse.core.cloudrun.SigningIdentity;

/**
 * No Google ID token could be obtained. The message reads
 * {@code could not obtain a Google ID token for audience AUDIENCE as IDENTITY: CAUSE} and is meant for the log and
 * the operator-facing part of the 502 page; it never contains a token or a key.
 */
public final class IdTokenUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient SigningIdentity identity;
    private final String audience;

    public IdTokenUnavailableException(SigningIdentity identity, String audience, String explanation, Throwable cause) {
        super("could not obtain a Google ID token for audience " + audience + " as " + identity.describe() + ": "
                + explanation, cause);
        this.identity = identity;
        this.audience = audience;
    }

    public SigningIdentity identity() {
        return identity;
    }

    public String audience() {
        return audience;
    }
}
