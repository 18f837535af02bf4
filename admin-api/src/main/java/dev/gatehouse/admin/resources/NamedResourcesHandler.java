package dev.gatehouse.admin.resources;

import dev.gatehouse.admin.auth.Caller;
import dev.gatehouse.admin.auth.TenantScope;
import dev.gatehouse.admin.http.Bodies;
import dev.gatehouse.admin.http.Paging;
import dev.gatehouse.admin.http.Patterns;
import dev.gatehouse.admin.http.Preconditions;
import dev.gatehouse.admin.http.Problem;
import dev.gatehouse.admin.http.Responses;
import dev.gatehouse.core.config.Tenant;
import dev.gatehouse.core.store.AuditEntry;
import dev.gatehouse.core.store.Changed;
import dev.gatehouse.core.store.ConfigStore;
import dev.gatehouse.core.store.StoreConflict;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** List, create, read, patch and delete of one {@link NamedKind} below /tenants/{slug}. */
public final class NamedResourcesHandler<R> {
  private static final List<String> READ_ONLY = List.of("version", "created_at", "updated_at", "client_secret_set");

  private final ConfigStore store;
  private final NamedKind<R> kind;

  NamedResourcesHandler(ConfigStore store, NamedKind<R> kind) {
    this.store = store;
    this.kind = kind;
  }

  public void mount(Router api) {
    String collection = "/tenants/:slug/" + kind.collection();
    api.get(collection).handler(this::list);
    api.post(collection).handler(this::create);
    api.get(collection + "/:name").handler(this::get);
    api.patch(collection + "/:name").handler(this::patch);
    api.delete(collection + "/:name").handler(this::delete);
  }

  private void list(RoutingContext ctx) {
    Tenant tenant = TenantScope.tenant(ctx);
    var page = Paging.request(ctx);
    store.read(conn -> kind.list(conn, tenant.id(), page))
        .onSuccess(p -> Responses.json(ctx, 200, Paging.envelope(p, kind::toJson)))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    Tenant tenant = TenantScope.tenant(ctx);
    String name = nameParam(ctx);
    store.read(conn -> kind.get(conn, tenant.id(), name, false))
        .map(found -> found.orElseThrow(Problem::notFound))
        .onSuccess(r -> Responses.resource(ctx, 200, kind.toJson(r), kind.meta(r).version()))
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    Tenant tenant = TenantScope.tenant(ctx);
    JsonObject body = Bodies.object(ctx);
    store.<R>change(Caller.of(ctx).actor(), conn -> kind.decode(conn, tenant, body, null)
            .compose(draft -> kind.insert(conn, draft.value(), store.now())
                .map(created -> new Changed<>(tenant.id(), created, AuditEntry.create(kind.type(), kind.name(created),
                    kind.audit(created, draft.secretWritten()))))))
        .recover(e -> Future.failedFuture(duplicate(e, body.getValue("name"))))
        .onSuccess(created -> Responses.created(ctx, location(tenant, kind.name(created)), kind.toJson(created),
            kind.meta(created).version()))
        .onFailure(ctx::fail);
  }

  private void patch(RoutingContext ctx) {
    Tenant tenant = TenantScope.tenant(ctx);
    String name = nameParam(ctx);
    JsonObject patch = Bodies.object(ctx);
    var ifMatch = Preconditions.ifMatch(ctx);
    store.<R>change(Caller.of(ctx).actor(), conn -> kind.get(conn, tenant.id(), name, true)
            .map(found -> found.orElseThrow(Problem::notFound))
            .compose(current -> {
              Preconditions.check(ifMatch, kind.meta(current).version());
              if (patch.containsKey("name") && !name.equals(patch.getValue("name"))) {
                throw Problem.invalid("/name", "is immutable");
              }
              JsonObject view = kind.toJson(current);
              kind.beforeMerge(view, patch);
              return kind.decode(conn, tenant, merge(view, patch), current)
                  .compose(draft -> kind.update(conn, draft.value())
                      .map(updated -> new Changed<>(tenant.id(), updated, AuditEntry.update(kind.type(), name,
                          kind.audit(current, draft.secretWritten()), kind.audit(updated, draft.secretWritten())))));
            }))
        .onSuccess(updated -> Responses.resource(ctx, 200, kind.toJson(updated), kind.meta(updated).version()))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    Tenant tenant = TenantScope.tenant(ctx);
    String name = nameParam(ctx);
    var ifMatch = Preconditions.ifMatch(ctx);
    store.<Void>change(Caller.of(ctx).actor(), conn -> kind.get(conn, tenant.id(), name, true)
            .map(found -> found.orElseThrow(Problem::notFound))
            .compose(current -> {
              Preconditions.check(ifMatch, kind.meta(current).version());
              return kind.checkUnused(conn, tenant, current)
                  .compose(v -> kind.delete(conn, current))
                  .map(v -> new Changed<Void>(tenant.id(), null,
                      AuditEntry.delete(kind.type(), name, kind.audit(current, false))));
            }))
        .recover(e -> Future.failedFuture(e instanceof StoreConflict c && c.kind() == StoreConflict.Kind.REFERENCE
            ? Problem.conflict(kind.type() + " " + name + " is still in use") : e))
        .onSuccess(v -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }

  /** The {name} path parameter; a name that cannot exist is simply not found. */
  private static String nameParam(RoutingContext ctx) {
    String name = ctx.pathParam("name");
    if (name == null || !Patterns.NAME.matcher(name).matches()) {
      throw Problem.notFound();
    }
    return name;
  }

  /** The patch applied onto the current view: present fields replace, null removes (so defaults apply). */
  private static JsonObject merge(JsonObject current, JsonObject patch) {
    JsonObject merged = current.copy();
    READ_ONLY.forEach(merged::remove);
    patch.forEach(e -> {
      if (e.getValue() == null) {
        merged.remove(e.getKey());
      } else {
        merged.put(e.getKey(), e.getValue());
      }
    });
    return merged;
  }

  private Throwable duplicate(Throwable e, Object name) {
    if (e instanceof StoreConflict c && c.kind() == StoreConflict.Kind.UNIQUE) {
      return Problem.conflict(kind.type() + " " + name + " already exists");
    }
    return e;
  }

  private String location(Tenant tenant, String name) {
    return "/api/v1/tenants/" + tenant.slug() + "/" + kind.collection() + "/" + name;
  }
}
