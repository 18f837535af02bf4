package dev.gatehouse.gateway.session;

import java.time.Instant;

/**
 * The identity provider's tokens of a session. They stay on the server: never in a cookie, a header to a client,
 * a log line or {@link #toString()}.
 *
 * @param idToken      the last ID token (for {@code id_token_hint} at sign-out); may be null
 * @param refreshToken null when the provider gave none, and on sessions handed off to another hostname
 * @param refreshAt    when the identity should be refreshed (the ID token's expiry); null means never
 */
public record SessionTokens(String idToken, String refreshToken, Instant refreshAt) {

    public static final SessionTokens NONE = new SessionTokens(null, null, null);

    /** The same tokens without the refresh token, for a session that must not refresh on its own. */
    public SessionTokens withoutRefreshToken() {
        return new SessionTokens(idToken, null, refreshAt);
    }

    @Override
    public String toString() {
        return "SessionTokens[idToken=" + (idToken == null ? "none" : "[hidden]")
                + ", refreshToken=" + (refreshToken == null ? "none" : "[hidden]") + ", refreshAt=" + refreshAt + "]";
    }
}
