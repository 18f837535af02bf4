package dev.gatehouse.admin.resources;

import dev.gatehouse.admin.auth.TenantScope;
import dev.gatehouse.admin.http.Paging;
import dev.gatehouse.admin.http.Responses;
import dev.gatehouse.core.config.AuditRecord;
import dev.gatehouse.core.config.Tenant;
import dev.gatehouse.core.store.AuditRows;
import dev.gatehouse.core.store.ConfigStore;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** /tenants/{slug}/audit, newest first. */
public final class AuditHandler {
  private final ConfigStore store;

  public AuditHandler(ConfigStore store) {
    this.store = store;
  }

  public void mount(Router api) {
    api.get("/tenants/:slug/audit").handler(this::list);
  }

  static JsonObject toJson(AuditRecord a) {
    return new JsonObject()
        .put("id", a.id())
        .put("at", a.at().toString())
        .put("actor", a.actor())
        .put("action", a.action())
        .put("resource_type", a.resourceType())
        .put("resource_name", a.resourceName())
        .put("before", a.before())
        .put("after", a.after());
  }

  private void list(RoutingContext ctx) {
    Tenant tenant = TenantScope.tenant(ctx);
    var page = Paging.request(ctx, cursor -> cursor.matches("[0-9]{1,18}"));
    store.read(conn -> AuditRows.list(conn, tenant.id(), page))
        .onSuccess(p -> Responses.json(ctx, 200, Paging.envelope(p, AuditHandler::toJson)))
        .onFailure(ctx::fail);
  }
}
