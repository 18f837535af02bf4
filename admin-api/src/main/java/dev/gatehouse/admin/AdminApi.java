package dev.gatehouse.admin;

import dev.gatehouse.admin.auth.Authn;
import dev.gatehouse.admin.auth.TenantScope;
import dev.gatehouse.admin.http.HealthHandler;
import dev.gatehouse.admin.http.ProblemHandler;
import dev.gatehouse.admin.openapi.RequestValidation;
import dev.gatehouse.admin.resources.InvokerHandler;
import dev.gatehouse.admin.resources.Resources;
import dev.gatehouse.admin.resources.SessionsHandler;
import dev.gatehouse.core.store.ConfigStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/** The admin API: /api/v1/** (authenticated, validated against the OpenAPI document), /healthz and /readyz. */
public final class AdminApi {
  static final long BODY_LIMIT = 1024 * 1024;

  private AdminApi() {}

  /** Loads the OpenAPI document (off the event loop), then builds the router. */
  public static Future<Router> create(Vertx vertx, AdminApiOptions options) {
    return RequestValidation.load(vertx).map(validation -> router(vertx, options, validation));
  }

  /** The router, for a caller that has loaded the request validation already. */
  public static Router router(Vertx vertx, AdminApiOptions options, RequestValidation validation) {
    ConfigStore store = new ConfigStore(options.pool(), options.clock());
    ProblemHandler problems = new ProblemHandler();
    Router router = Router.router(vertx);
    HealthHandler.mount(router, options.pool(), options.configLoaded());

    Router api = Router.router(vertx);
    api.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    api.get("/openapi.json").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/json").end(validation.document()));
    api.route().handler(new Authn(store, options.operatorToken()));
    // Scope before validation: another tenant's resource is a 404 even when the request is also malformed.
    TenantScope scope = new TenantScope(store);
    api.route("/tenants/:slug").handler(scope);
    api.route("/tenants/:slug/*").handler(scope);
    api.route().handler(validation.handler());
    Resources.mount(api, store, options.secrets(), Resources.parsedPolicies());
    new InvokerHandler(store, options.gatewayServiceAccount()).mount(api);
    new SessionsHandler(store, options.sessions()).mount(api);
    api.route().failureHandler(problems);

    router.route("/api/v1/*").subRouter(api);
    router.route().failureHandler(problems);
    for (int status : new int[] {400, 404, 405, 413, 415, 500}) {
      router.errorHandler(status, problems);
    }
    return router;
  }
}
