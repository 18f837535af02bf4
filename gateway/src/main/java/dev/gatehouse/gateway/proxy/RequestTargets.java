package dev.gatehouse.gateway.proxy;

import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Locale;

/** The path and query the upstream receives, and whether the request can be forwarded as it is. */
final class RequestTargets {
    private RequestTargets() {
    }

    /**
     * Origin-form path and query ({@code /a/b?c}) even for an absolute-form request line; null for a target that is
     * not a path ({@code *}) or that holds dot segments, plain or percent-encoded ({@code /public/../admin}): the
     * upstream would normalize those onto a path the route's policy never saw. Browsers never send them.
     */
    static String originForm(HttpServerRequest request) {
        String path = request.path();
        if (path == null || !path.startsWith("/") || hasDotSegment(path)) {
            return null;
        }
        String query = request.query();
        return query == null ? path : path + "?" + query;
    }

    static boolean hasDotSegment(String path) {
        if (path.indexOf('.') < 0 && path.indexOf('%') < 0) {
            // No dot, plain or encoded: the usual path needs no normalizing copy.
            return false;
        }
        String normalized = path.toLowerCase(Locale.ROOT)
                .replace("%2e", ".").replace("%2f", "/").replace("%5c", "/").replace('\\', '/');
        for (String segment : normalized.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A request that would reach the upstream framed two ways (request smuggling: both lengths present), or with a
     * transfer coding whose last one is not {@code chunked} (its length unknowable, RFC 9112 §6.3).
     */
    static boolean unforwardableFraming(HttpServerRequest request) {
        List<String> codings = request.headers().getAll("Transfer-Encoding");
        if (codings.isEmpty()) {
            return false;
        }
        if (request.headers().contains("Content-Length")) {
            return true;
        }
        String last = codings.get(codings.size() - 1);
        int comma = last.lastIndexOf(',');
        return !last.substring(comma + 1).trim().equalsIgnoreCase("chunked");
    }

    /** Any request that asks for a WebSocket, even one the proxy would not recognize as a valid upgrade. */
    static boolean asksForWebSocket(HttpServerRequest request) {
        if (request.canUpgradeToWebSocket()) {
            return true;
        }
        for (String upgrade : request.headers().getAll("Upgrade")) {
            if (upgrade.toLowerCase(Locale.ROOT).contains("websocket")) {
                return true;
            }
        }
        return false;
    }
}
