package dev.gatehouse.gateway.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;

/**
 * The gateway's {@code X-Forwarded-*} headers for the upstream. Headers of an untrusted peer are already stripped,
 * so whatever chain remains came from a trusted proxy and is extended, never replaced:
 * <ul>
 *   <li>{@code X-Forwarded-For}: the chain plus the direct peer's address;</li>
 *   <li>{@code X-Forwarded-Proto}: a trusted proxy's value, else the scheme the gateway was reached by;</li>
 *   <li>{@code X-Forwarded-Host}: the {@code Host} the gateway received, replacing a trusted proxy's value: it is the
 *       hostname the gateway routed by and signed the identity assertion for (the upstream gets its own host as
 *       {@code Host});</li>
 *   <li>{@code Forwarded} (RFC 7239): only extended by one element when a trusted proxy sent one.</li>
 * </ul>
 */
final class ForwardedHeaders {
    private ForwardedHeaders() {
    }

    static void apply(MultiMap headers, HttpServerRequest request) {
        String peer = peerAddress(request.remoteAddress());
        String chain = joined(headers, "X-Forwarded-For");
        headers.set("X-Forwarded-For", chain.isBlank() ? peer : chain + ", " + peer);

        String proto = headers.get("X-Forwarded-Proto");
        if (proto == null || proto.isBlank()) {
            proto = request.scheme() == null ? (request.isSSL() ? "https" : "http") : request.scheme();
            headers.set("X-Forwarded-Proto", proto);
        }
        HostAndPort host = request.authority();
        if (host != null) {
            headers.set("X-Forwarded-Host", host.toString());
        } else {
            headers.remove("X-Forwarded-Host");
        }
        String forwarded = joined(headers, "Forwarded");
        if (!forwarded.isBlank()) {
            StringBuilder element = new StringBuilder(forwarded).append(", for=").append(forwardedNode(peer));
            if (host != null) {
                element.append(";host=\"").append(host).append('"');
            }
            headers.set("Forwarded", element.append(";proto=").append(proto).toString());
        }
    }

    /** The values of {@code name} joined by commas; "" when absent (the usual case, without a list). */
    private static String joined(MultiMap headers, String name) {
        if (headers.get(name) == null) {
            return "";
        }
        return String.join(", ", headers.getAll(name));
    }

    /** Formatted from the address each time it is asked for: asked once. */
    private static String peerAddress(SocketAddress address) {
        String text = address == null ? null : address.hostAddress();
        return text == null || text.isEmpty() ? "unknown" : text;
    }

    private static String forwardedNode(String peer) {
        return peer.indexOf(':') >= 0 ? "\"[" + peer + "]\"" : peer;
    }
}
