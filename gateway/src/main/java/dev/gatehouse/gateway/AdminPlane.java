package dev.gatehouse.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;

/**
 * What the admin port serves. The admin API module is not wired in yet, so this answers only the operational
 * probes (/healthz, /readyz) that the admin API will take over.
 */
final class AdminPlane {
    private AdminPlane() {
    }

    static Router router(Vertx vertx, AdminPlaneOptions options) {
        Router router = Router.router(vertx);
        router.get("/healthz").handler(ctx -> json(ctx, 200, "{\"status\":\"ok\"}"));
        router.get("/readyz").handler(ctx -> readiness(ctx, options.pool()));
        return router;
    }

    private static void readiness(RoutingContext ctx, Pool pool) {
        pool.query("SELECT 1").execute().onComplete(result -> {
            if (result.succeeded()) {
                json(ctx, 200, "{\"status\":\"ready\"}");
            } else {
                ctx.response().setStatusCode(503)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                        .end("{\"type\":\"https://gatehouse.dev/problems/not-ready\",\"title\":\"Not ready\","
                                + "\"status\":503,\"detail\":\"the database does not answer\"}");
            }
        });
    }

    private static void json(RoutingContext ctx, int status, String body) {
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body);
    }
}
