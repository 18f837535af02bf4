package dev.gatehouse.gateway.session;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

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
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

    private SessionCookie() {
    }

    /** The presented session id, or null when absent or not shaped like one. */
    public static String read(HttpServerRequest request) {
        Cookie cookie = request.getCookie(NAME);
        if (cookie == null || !WELL_FORMED.matcher(cookie.getValue()).matches()) {
            return null;
        }
        return cookie.getValue();
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
