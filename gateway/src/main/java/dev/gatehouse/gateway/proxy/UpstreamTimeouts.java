package dev.gatehouse.gateway.proxy;

import dev.gatehouse.core.config.Durations;
import dev.gatehouse.core.config.Route;
import dev.gatehouse.core.config.Upstream;

/**
 * The two timeouts of one upstream request, in milliseconds (0 = none).
 *
 * @param connectMillis  obtaining a connection (pool wait, TCP, TLS): the upstream's {@code connect_timeout}, else
 *                       10 s; exceeding it is a 502
 * @param responseMillis waiting for the response headers (for an upgrade, the handshake): the route's
 *                       {@code timeout}, else the upstream's, else 30 s; exceeding it is a 504. A response that has
 *                       started streams for as long as it lasts, so downloads, server-sent events and WebSocket
 *                       sessions are not cut off.
 */
record UpstreamTimeouts(long connectMillis, long responseMillis) {

    /** @throws IllegalArgumentException when a configured duration is not one */
    static UpstreamTimeouts of(UpstreamCall call) {
        return of(call.route(), call.upstream());
    }

    /** @throws IllegalArgumentException when a configured duration is not one */
    static UpstreamTimeouts of(Route route, Upstream upstream) {
        String connect = upstream.connectTimeout() == null ? Upstream.DEFAULT_CONNECT_TIMEOUT : upstream.connectTimeout();
        String response = route.timeout() != null ? route.timeout()
                : upstream.timeout() != null ? upstream.timeout() : Upstream.DEFAULT_TIMEOUT;
        return new UpstreamTimeouts(Durations.parse(connect).toMillis(), Durations.parse(response).toMillis());
    }
}
