package dev.gatehouse.gateway;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * The data plane's entry point. Until host routing exists every host is unknown: a plain 404 that says nothing
 * about which tenants or hostnames exist (and never echoes the Host header), plus a liveness probe.
 */
public final class GatewayHandler implements Handler<HttpServerRequest> {
    static final String NO_ROUTE = "no route for this host\n";
    private static final String HEALTHY = "{\"status\":\"ok\"}";

    @Override
    public void handle(HttpServerRequest request) {
        request.response()
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader("X-Content-Type-Options", "nosniff");
        if ("/healthz".equals(request.path())
                && (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD)) {
            request.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(HEALTHY);
            return;
        }
        request.response()
                .setStatusCode(404)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                .end(NO_ROUTE);
    }
}
