package dev.gatehouse.admin.openapi;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.concurrent.TimeUnit;

/** A real HTTP server on 127.0.0.1 mounting the validation handler in front of echo handlers for some spec paths. */
final class ValidationServer implements AutoCloseable {

  final RequestValidation validation;
  private final HttpServer server;

  private ValidationServer(RequestValidation validation, HttpServer server) {
    this.validation = validation;
    this.server = server;
  }

  static ValidationServer start(Vertx vertx) throws Exception {
    RequestValidation validation = RequestValidation.load(vertx).await(30, TimeUnit.SECONDS);
    Router router = Router.router(vertx);
    router.route("/api/v1/*").handler(BodyHandler.create().setBodyLimit(1024 * 1024));
    router.route("/api/v1/*").handler(validation.handler());
    router.get("/api/v1/openapi.json").handler(ctx -> ctx.response()
        .putHeader("content-type", "application/json").end(validation.document()));
    router.get("/api/v1/tenants").handler(ValidationServer::echo);
    router.post("/api/v1/tenants").handler(ValidationServer::echo);
    router.patch("/api/v1/tenants/:slug").handler(ValidationServer::echo);
    router.delete("/api/v1/tenants/:slug").handler(ValidationServer::echo);
    router.get("/api/v1/tenants/:slug/audit").handler(ValidationServer::echo);
    router.post("/api/v1/tenants/:slug/:collection").handler(ValidationServer::echo);
    for (String collection : new String[] {"idps", "upstreams", "routes"}) {
      router.patch("/api/v1/tenants/:slug/" + collection + "/:name").handler(ValidationServer::echo);
    }
    router.get("/api/v1/tenants/:slug/hostnames/:hostname").handler(ValidationServer::echo);
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .await(30, TimeUnit.SECONDS);
    return new ValidationServer(validation, server);
  }

  int port() {
    return server.actualPort();
  }

  private static void echo(RoutingContext ctx) {
    String body = ctx.body().asString();
    JsonObject echo = new JsonObject()
        .put("method", ctx.request().method().name())
        .put("path", ctx.request().path())
        .put("body", body == null || body.isEmpty() ? null : new JsonObject(body));
    ctx.json(echo);
  }

  @Override
  public void close() throws Exception {
    server.close().await(30, TimeUnit.SECONDS);
  }
}
