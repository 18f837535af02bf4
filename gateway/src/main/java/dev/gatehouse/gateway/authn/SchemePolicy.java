package dev.gatehouse.gateway.authn;

import java.util.Locale;
import java.util.function.Predicate;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/** Decides the public scheme of a request: the listener's, or what a trusted proxy in front of it says. */
@FunctionalInterface
public interface SchemePolicy {

    String scheme(HttpServerRequest request);

    /** https when the connection itself is TLS, else http. */
    static SchemePolicy listener() {
        return request -> request.isSSL() ? "https" : "http";
    }

    /**
     * The first {@code X-Forwarded-Proto} value (http or https) when the connecting peer's IP address passes
     * {@code trustedPeer}; the listener's scheme otherwise, so a client talking to the gateway directly cannot
     * choose it.
     */
    static SchemePolicy forwardedProtoFrom(Predicate<String> trustedPeer) {
        SchemePolicy listener = listener();
        return request -> {
            SocketAddress peer = request.remoteAddress();
            String forwarded = request.getHeader("X-Forwarded-Proto");
            if (forwarded == null || peer == null || peer.hostAddress() == null || !trustedPeer.test(peer.hostAddress())) {
                return listener.scheme(request);
            }
            int comma = forwarded.indexOf(',');
            String first = (comma < 0 ? forwarded : forwarded.substring(0, comma)).trim().toLowerCase(Locale.ROOT);
            return first.equals("https") || first.equals("http") ? first : listener.scheme(request);
        };
    }
}
