package dev.gatehouse.gateway.session;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.gatehouse.core.crypto.Tokens;

/**
 * A signed-in browser on one hostname of one tenant.
 *
 * <p>A sign-in creates the primary session on the tenant's authenticate hostname; every other hostname of the
 * tenant gets its own session through a handoff, with the same {@code loginId} and {@code primaryId} pointing at the
 * primary session (null on the primary itself). Only the primary holds the refresh token.
 *
 * @param id        the cookie value: opaque, 256 random bits; never logged (see {@link #toString()})
 * @param expiresAt the absolute end of the session (the idle limit is the store's business)
 * @param hostname  the hostname whose cookie holds it (shown to admins); null when not known
 */
public record Session(
        String id,
        String loginId,
        String primaryId,
        UUID tenantId,
        String idpName,
        SessionUser user,
        SessionTokens tokens,
        Instant createdAt,
        Instant lastSeenAt,
        Instant expiresAt,
        String hostname) {

    static final int ID_BYTES = 32;

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(loginId, "loginId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(idpName, "idpName");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        tokens = tokens == null ? SessionTokens.NONE : tokens;
    }

    /** A session whose hostname is not known. */
    public Session(String id, String loginId, String primaryId, UUID tenantId, String idpName, SessionUser user,
            SessionTokens tokens, Instant createdAt, Instant lastSeenAt, Instant expiresAt) {
        this(id, loginId, primaryId, tenantId, idpName, user, tokens, createdAt, lastSeenAt, expiresAt, null);
    }

    /** A new unguessable session id (also used for login ids). */
    public static String newId() {
        return Tokens.random(ID_BYTES);
    }

    public boolean isPrimary() {
        return primaryId == null;
    }

    /** The id of the session holding this login's refresh token: this one or its primary. */
    public String primaryOrSelf() {
        return primaryId == null ? id : primaryId;
    }

    public Session seenAt(Instant now) {
        return new Session(id, loginId, primaryId, tenantId, idpName, user, tokens, createdAt, now, expiresAt,
                hostname);
    }

    public Session withIdentity(SessionUser newUser, SessionTokens newTokens) {
        return new Session(id, loginId, primaryId, tenantId, idpName, newUser, newTokens, createdAt, lastSeenAt,
                expiresAt, hostname);
    }

    @Override
    public String toString() {
        return "Session[tenant=" + tenantId + ", idp=" + idpName + ", sub=" + user.sub() + ", primary=" + isPrimary()
                + ", expiresAt=" + expiresAt + "]";
    }
}
