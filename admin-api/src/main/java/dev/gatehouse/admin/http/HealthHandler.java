package dev.gatehouse.admin.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

/** /healthz (alive) and /readyz (the database answers). */
public final class HealthHandler {
  private HealthHandler() {}

  public static void mount(Router router, Pool pool) {
    router.get("/healthz").handler(ctx -> Responses.json(ctx, 200, new JsonObject().put("status", "ok")));
    router.get("/readyz").handler(ctx -> pool.query("SELECT 1").execute()
        .onSuccess(rows -> Responses.json(ctx, 200, new JsonObject().put("status", "ready")))
        .onFailure(e -> ProblemHandler.send(ctx, Problem.unavailable("the database is not reachable"))));
  }
}
