package dev.gatehouse.gateway.session;

import java.time.Duration;
import java.time.Instant;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * The session cookie, {@value #NAME}: the session id and nothing else. Host-only (no {@code Domain}, so no other
 * hostname ever receives it), {@code Path=/}, {@code HttpOnly}, {@code SameSite=Lax} (sent on top-level navigations
 * from the identity provider and from other sites, not on their subrequests), {@code Secure} whenever the public
 * scheme is https, and {@code Max-Age} the session's remaining absolute lifetime.
 */
public final class SessionCookie {

    public static final String NAME = "__gatehouse";
    /** 32 random bytes in unpadded base64url ({@link Session#newId()}). */
    private static final int ID_LENGTH = 43;

    private SessionCookie() {
    }

    /** The presented session id, or null when absent or not shaped like one. */
    public static String read(HttpServerRequest request) {
        Cookie cookie = request.getCookie(NAME);
        if (cookie == null || !wellFormed(cookie.getValue())) {
            return null;
        }
        return cookie.getValue();
    }

    /** {@code [A-Za-z0-9_-]{43}}, checked without a regex (every request with a cookie runs it). */
    static boolean wellFormed(String value) {
        if (value.length() != ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < ID_LENGTH; i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    public static void set(HttpServerResponse response, Session session, boolean secure, Instant now) {
        long maxAge = Math.max(1, Duration.between(now, session.expiresAt()).toSeconds());
        response.addCookie(base(session.id(), secure).setMaxAge(maxAge));
    }

    public static void clear(HttpServerResponse response, boolean secure) {
        response.addCookie(base("", secure).setMaxAge(0));
    }

    private static Cookie base(String value, boolean secure) {
        return Cookie.cookie(NAME, value)
                .setPath("/")
                .setHttpOnly(true)
                .setSecure(secure)
                .setSameSite(CookieSameSite.LAX);
    }
}
