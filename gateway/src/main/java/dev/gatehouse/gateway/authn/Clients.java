package dev.gatehouse.gateway.authn;

import java.util.Locale;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/** Tells browsers (redirected to sign in) from other clients (answered 401 JSON). */
final class Clients {

    private Clients() {
    }

    /** A browser asks for {@code text/html} and is not a script sending {@code X-Requested-With: XMLHttpRequest}. */
    static boolean isBrowser(HttpServerRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || !accept.toLowerCase(Locale.ROOT).contains("text/html")) {
            return false;
        }
        return !"XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"));
    }

    /** The token of an {@code Authorization: Bearer} header, or null. */
    static String bearerToken(HttpServerRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.length() <= 7
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /** Path and query as the client sent them. */
    static String pathAndQuery(HttpServerRequest request) {
        String path = request.path() == null || request.path().isEmpty() ? "/" : request.path();
        return request.query() == null ? path : path + "?" + request.query();
    }
}
