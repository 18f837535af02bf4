package dev.gatehouse.admin.resources;

import dev.gatehouse.admin.auth.Caller;
import dev.gatehouse.admin.auth.TenantScope;
import dev.gatehouse.admin.http.Bodies;
import dev.gatehouse.admin.http.JsonFields;
import dev.gatehouse.admin.http.Paging;
import dev.gatehouse.admin.http.Patterns;
import dev.gatehouse.admin.http.Preconditions;
import dev.gatehouse.admin.http.Problem;
import dev.gatehouse.admin.http.Responses;
import dev.gatehouse.core.config.Hostname;
import dev.gatehouse.core.config.Tenant;
import dev.gatehouse.core.store.AuditEntry;
import dev.gatehouse.core.store.Changed;
import dev.gatehouse.core.store.ConfigStore;
import dev.gatehouse.core.store.HostnameRows;
import dev.gatehouse.core.store.RouteRows;
import dev.gatehouse.core.store.StoreConflict;
import dev.gatehouse.core.store.TenantRows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Set;

/** /tenants/{slug}/hostnames: register and release hostnames (globally unique; no PATCH). */
public final class HostnamesHandler {
  private final ConfigStore store;

  public HostnamesHandler(ConfigStore store) {
    this.store = store;
  }

  public void mount(Router api) {
    api.get("/tenants/:slug/hostnames").handler(this::list);
    api.post("/tenants/:slug/hostnames").handler(this::create);
    api.get("/tenants/:slug/hostnames/:hostname").handler(this::get);
    api.delete("/tenants/:slug/hostnames/:hostname").handler(this::delete);
  }

  static JsonObject toJson(Hostname h) {
    return new JsonObject()
        .put("hostname", h.hostname())
        .put("version", h.version())
        .put("created_at", h.createdAt().toString());
  }

  private void list(RoutingContext ctx) {
    Tenant tenant = TenantScope.tenant(ctx);
    var page = Paging.request(ctx);
    store.read(conn -> HostnameRows.list(conn, tenant.id(), page))
        .onSuccess(p -> Responses.json(ctx, 200, Paging.envelope(p, HostnamesHandler::toJson)))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    Tenant tenant = TenantScope.tenant(ctx);
    store.read(conn -> HostnameRows.get(conn, tenant.id(), hostnameParam(ctx)))
        .map(found -> found.orElseThrow(Problem::notFound))
        .onSuccess(h -> Responses.resource(ctx, 200, toJson(h), h.version()))
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    Tenant tenant = TenantScope.tenant(ctx);
    JsonFields f = new JsonFields(Bodies.object(ctx));
    f.allowOnly(Set.of("hostname"));
    String raw = f.string("hostname", true, 1, 253);
    String hostname = raw == null ? null : raw.toLowerCase(Locale.ROOT);
    if (hostname != null && !Patterns.isHostname(hostname)) {
      f.error("hostname", "must be a DNS host name with at least one dot (or ending in .localhost),"
          + " without port, trailing dot or wildcard");
    }
    f.done();
    store.<Hostname>change(Caller.of(ctx).actor(), conn -> HostnameRows.insert(conn, tenant.id(), hostname,
            store.now())
            .map(h -> new Changed<>(tenant.id(), h, AuditEntry.create("hostname", hostname, toJson(h)))))
        .recover(e -> Future.failedFuture(e instanceof StoreConflict c && c.kind() == StoreConflict.Kind.UNIQUE
            ? Problem.conflict("hostname " + hostname + " is already registered") : e))
        .onSuccess(h -> Responses.created(ctx, "/api/v1/tenants/" + tenant.slug() + "/hostnames/" + hostname,
            toJson(h), h.version()))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    Tenant tenant = TenantScope.tenant(ctx);
    String hostname = hostnameParam(ctx);
    var ifMatch = Preconditions.ifMatch(ctx);
    store.<Void>change(Caller.of(ctx).actor(), conn -> TenantRows.bySlug(conn, tenant.slug(), true)
            .compose(locked -> HostnameRows.get(conn, tenant.id(), hostname)
                .map(found -> found.orElseThrow(Problem::notFound))
                .compose(current -> {
                  Preconditions.check(ifMatch, current.version());
                  if (locked.isPresent() && hostname.equals(locked.get().authenticateHostname())) {
                    throw Problem.conflict("hostname " + hostname + " is the tenant's authenticate_hostname");
                  }
                  return RouteRows.referencing(conn, tenant.id(), RouteRows.Reference.FROM_HOSTNAME, hostname)
                      .compose(routes -> References.refuseIfUsed("hostname", hostname, routes))
                      .compose(v -> HostnameRows.delete(conn, tenant.id(), hostname))
                      .map(v -> new Changed<Void>(tenant.id(), null,
                          AuditEntry.delete("hostname", hostname, toJson(current))));
                })))
        .recover(e -> Future.failedFuture(e instanceof StoreConflict c && c.kind() == StoreConflict.Kind.REFERENCE
            ? Problem.conflict("hostname " + hostname + " is still in use") : e))
        .onSuccess(v -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }

  private static String hostnameParam(RoutingContext ctx) {
    String hostname = ctx.pathParam("hostname").toLowerCase(Locale.ROOT);
    if (!Patterns.isHostname(hostname)) {
      throw Problem.notFound();
    }
    return hostname;
  }
}
