package dev.gatehouse.admin.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes JSON answers; single resources carry their version as ETag. */
public final class Responses {
  private Responses() {}

  public static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }

  public static void resource(RoutingContext ctx, int status, JsonObject body, int version) {
    ctx.response().putHeader("ETag", "\"" + version + "\"");
    json(ctx, status, body);
  }

  public static void created(RoutingContext ctx, String location, JsonObject body, int version) {
    ctx.response().putHeader("Location", location);
    resource(ctx, 201, body, version);
  }

  public static void noContent(RoutingContext ctx) {
    ctx.response().setStatusCode(204).end();
  }
}
