package dev.gatehouse.gateway.authn;

import java.time.Duration;
import java.util.regex.Pattern;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * {@value #NAME}: binds sign-ins in flight to the browser that started them, so a callback URL (code and state)
 * carried to another browser is worthless there. Host-only, {@code Path=/.gatehouse/}, {@code HttpOnly},
 * {@code SameSite=Lax} (the identity provider's redirect back is a top-level navigation), short-lived. One value per
 * browser, reused while it lives, so sign-ins in several tabs do not disturb each other.
 */
final class LoginCookie {

    static final String NAME = "__gatehouse_login";
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

    private LoginCookie() {
    }

    static String read(HttpServerRequest request) {
        Cookie cookie = request.getCookie(NAME);
        return cookie != null && WELL_FORMED.matcher(cookie.getValue()).matches() ? cookie.getValue() : null;
    }

    static void set(HttpServerResponse response, String binding, boolean secure) {
        response.addCookie(Cookie.cookie(NAME, binding)
                .setPath(GatewayPaths.PREFIX)
                .setHttpOnly(true)
                .setSecure(secure)
                .setSameSite(CookieSameSite.LAX)
                .setMaxAge(LIFETIME.toSeconds()));
    }
}
