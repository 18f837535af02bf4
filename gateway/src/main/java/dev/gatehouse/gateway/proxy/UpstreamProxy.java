package dev.gatehouse.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;

/**
 * Forwards an authorized request to its route's upstream and streams the answer back (both bodies stream, nothing
 * is buffered); WebSocket upgrades are tunnelled when the route allows them. The gateway's own failures become
 * pages: 400 (unforwardable request), 403 (WebSockets not allowed), 502 (unreachable, failed, signing failed),
 * 504 (no answer within the timeout).
 */
public interface UpstreamProxy {

    static UpstreamProxy create(Vertx vertx, UpstreamProxyOptions options) {
        return new ReverseUpstreamProxy(vertx, options);
    }

    /**
     * Proxies {@code request} per {@code call}. The request should have been paused since it arrived (any body
     * read before this call would be lost). The future tells what happened once the gateway knows what it answers;
     * it never fails.
     */
    Future<ProxyOutcome> proxy(HttpServerRequest request, UpstreamCall call);

    /** Closes pooled upstream connections. */
    Future<Void> close();
}
