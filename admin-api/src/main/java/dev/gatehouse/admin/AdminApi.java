package dev.gatehouse.admin;

import dev.gatehouse.admin.auth.Authn;
import dev.gatehouse.admin.auth.TenantScope;
import dev.gatehouse.admin.http.HealthHandler;
import dev.gatehouse.admin.http.ProblemHandler;
import dev.gatehouse.admin.resources.PolicyValidator;
import dev.gatehouse.admin.resources.Resources;
import dev.gatehouse.core.store.ConfigStore;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/** The admin API: /api/v1/** (authenticated), /healthz and /readyz. */
public final class AdminApi {
  static final long BODY_LIMIT = 1024 * 1024;

  private AdminApi() {}

  public static Router router(Vertx vertx, AdminApiOptions options) {
    return router(vertx, options, Resources.parsedPolicies());
  }

  static Router router(Vertx vertx, AdminApiOptions options, PolicyValidator policies) {
    ConfigStore store = new ConfigStore(options.pool(), options.clock());
    ProblemHandler problems = new ProblemHandler();
    Router router = Router.router(vertx);
    HealthHandler.mount(router, options.pool());

    Router api = Router.router(vertx);
    api.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    api.route().handler(new Authn(store, options.operatorToken()));
    TenantScope scope = new TenantScope(store);
    api.route("/tenants/:slug").handler(scope);
    api.route("/tenants/:slug/*").handler(scope);
    Resources.mount(api, store, options.secrets(), policies);
    api.route().failureHandler(problems);

    router.route("/api/v1/*").subRouter(api);
    router.route().failureHandler(problems);
    for (int status : new int[] {400, 404, 405, 413, 415, 500}) {
      router.errorHandler(status, problems);
    }
    return router;
  }

}
