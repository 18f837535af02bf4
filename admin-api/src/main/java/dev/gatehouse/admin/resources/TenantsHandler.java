package dev.gatehouse.admin.resources;

import dev.gatehouse.admin.auth.Caller;
import dev.gatehouse.admin.auth.TenantScope;
import dev.gatehouse.admin.http.Bodies;
import dev.gatehouse.admin.http.Paging;
import dev.gatehouse.admin.http.Preconditions;
import dev.gatehouse.admin.http.Problem;
import dev.gatehouse.admin.http.Responses;
import dev.gatehouse.core.config.Tenant;
import dev.gatehouse.core.crypto.AdminKeys;
import dev.gatehouse.core.store.AdminKeyRows;
import dev.gatehouse.core.store.AuditEntry;
import dev.gatehouse.core.store.Changed;
import dev.gatehouse.core.store.ConfigStore;
import dev.gatehouse.core.store.HostnameRows;
import dev.gatehouse.core.store.StoreConflict;
import dev.gatehouse.core.store.TenantRows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.UUID;

/** /tenants and /tenants/{slug}. */
public final class TenantsHandler {
  static final String INITIAL_KEY_NAME = "initial";

  private final ConfigStore store;

  public TenantsHandler(ConfigStore store) {
    this.store = store;
  }

  public void mount(Router api) {
    api.get("/tenants").handler(this::list);
    api.post("/tenants").handler(this::create);
    api.get("/tenants/:slug").handler(this::get);
    api.patch("/tenants/:slug").handler(this::patch);
    api.delete("/tenants/:slug").handler(this::delete);
  }

  private void list(RoutingContext ctx) {
    UUID only = Caller.of(ctx) instanceof Caller.TenantAdmin admin ? admin.tenantId() : null;
    var page = Paging.request(ctx);
    store.read(conn -> TenantRows.list(conn, page, only).compose(p -> {
      List<Future<JsonObject>> views = p.items().stream().map(t -> TenantJson.view(conn, t)).toList();
      return Future.all(views).map(all -> Paging.envelope(new JsonArray(all.<JsonObject>list()), p));
    })).onSuccess(body -> Responses.json(ctx, 200, body)).onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    if (!Caller.of(ctx).isOperator()) {
      throw Problem.forbidden("only the operator may create tenants");
    }
    Tenant draft = TenantInput.create(Bodies.object(ctx), store.now());
    AdminKeys.Issued key = AdminKeys.issue();
    store.<JsonObject>change(Caller.of(ctx).actor(), conn -> TenantRows.insert(conn, draft)
            .compose(tenant -> AdminKeyRows.insert(conn, tenant.id(), INITIAL_KEY_NAME, key.prefix(), key.hash(),
                    store.now())
                .compose(k -> TenantJson.view(conn, tenant))
                .map(view -> new Changed<>(tenant.id(), view,
                    AuditEntry.create("tenant", tenant.slug(), TenantJson.audit(tenant))))))
        .recover(e -> Future.failedFuture(e instanceof StoreConflict c && c.kind() == StoreConflict.Kind.UNIQUE
            ? Problem.conflict("tenant " + draft.slug() + " already exists") : e))
        .onSuccess(view -> Responses.created(ctx, "/api/v1/tenants/" + draft.slug(),
            view.copy().put("admin_key", key.plaintext()), draft.version()))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    Tenant tenant = TenantScope.tenant(ctx);
    store.read(conn -> TenantJson.view(conn, tenant))
        .onSuccess(view -> Responses.resource(ctx, 200, view, tenant.version()))
        .onFailure(ctx::fail);
  }

  private void patch(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    Tenant scoped = TenantScope.tenant(ctx);
    JsonObject body = Bodies.object(ctx);
    var ifMatch = Preconditions.ifMatch(ctx);
    store.<Tenant>change(caller.actor(), conn -> TenantRows.bySlug(conn, scoped.slug(), true)
            .map(found -> found.orElseThrow(Problem::notFound))
            .compose(current -> {
              Preconditions.check(ifMatch, current.version());
              return HostnameRows.all(conn, current.id())
                  .map(hostnames -> TenantInput.patch(current, body, hostnames, caller, store.now()))
                  .compose(next -> TenantRows.update(conn, next))
                  .map(updated -> new Changed<>(updated.id(), updated, AuditEntry.update("tenant", updated.slug(),
                      TenantJson.audit(current), TenantJson.audit(updated))));
            }))
        .compose(updated -> store.read(conn -> TenantJson.view(conn, updated))
            .onSuccess(view -> Responses.resource(ctx, 200, view, updated.version())))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    if (!Caller.of(ctx).isOperator()) {
      throw Problem.forbidden("only the operator may delete tenants");
    }
    Tenant scoped = TenantScope.tenant(ctx);
    var ifMatch = Preconditions.ifMatch(ctx);
    store.deleteTenant(scoped.id(), conn -> TenantRows.bySlug(conn, scoped.slug(), true)
            .map(found -> {
              Preconditions.check(ifMatch, found.orElseThrow(Problem::notFound).version());
              return null;
            }))
        .onSuccess(v -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }
}
