package dev.gatehouse.admin.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BooleanSupplier;
import io.vertx.sqlclient.Pool;

/** /healthz (alive) and /readyz (the configuration snapshot is loaded and the database answers). */
public final class HealthHandler {
  private HealthHandler() {}

  public static void mount(Router router, Pool pool, BooleanSupplier configLoaded) {
    router.get("/healthz").handler(ctx -> Responses.json(ctx, 200, new JsonObject().put("status", "ok")));
    router.get("/readyz").handler(ctx -> {
      if (configLoaded.getAsBoolean()) {
        ready(ctx, pool);
      } else {
        ProblemHandler.send(ctx, Problem.unavailable("the gateway has not loaded its configuration yet"));
      }
    });
  }

  private static void ready(RoutingContext ctx, Pool pool) {
    pool.query("SELECT 1").execute()
        .onSuccess(rows -> Responses.json(ctx, 200, new JsonObject().put("status", "ready")))
        .onFailure(e -> ProblemHandler.send(ctx, Problem.unavailable("the database is not reachable")));
  }
}
