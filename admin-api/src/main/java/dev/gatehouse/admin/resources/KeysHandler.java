package dev.gatehouse.admin.resources;

import dev.gatehouse.admin.auth.Caller;
import dev.gatehouse.admin.auth.TenantScope;
import dev.gatehouse.admin.http.Bodies;
import dev.gatehouse.admin.http.JsonFields;
import dev.gatehouse.admin.http.Paging;
import dev.gatehouse.admin.http.Problem;
import dev.gatehouse.admin.http.Responses;
import dev.gatehouse.core.config.AdminKey;
import dev.gatehouse.core.config.Tenant;
import dev.gatehouse.core.crypto.AdminKeys;
import dev.gatehouse.core.store.AdminKeyRows;
import dev.gatehouse.core.store.AuditEntry;
import dev.gatehouse.core.store.Changed;
import dev.gatehouse.core.store.ConfigStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** /tenants/{slug}/keys: issue (shown once), list and revoke tenant admin keys. */
public final class KeysHandler {
  private final ConfigStore store;

  public KeysHandler(ConfigStore store) {
    this.store = store;
  }

  public void mount(Router api) {
    api.get("/tenants/:slug/keys").handler(this::list);
    api.post("/tenants/:slug/keys").handler(this::create);
    api.get("/tenants/:slug/keys/:id").handler(this::get);
    api.delete("/tenants/:slug/keys/:id").handler(this::revoke);
  }

  static JsonObject toJson(AdminKey k) {
    return new JsonObject()
        .put("id", k.id().toString())
        .put("name", k.name())
        .put("prefix", k.prefix())
        .put("created_at", k.createdAt().toString())
        .put("revoked_at", k.revokedAt() == null ? null : k.revokedAt().toString());
  }

  private void list(RoutingContext ctx) {
    Tenant tenant = TenantScope.tenant(ctx);
    var page = Paging.request(ctx, cursor -> parseId(cursor).isPresent());
    store.read(conn -> AdminKeyRows.list(conn, tenant.id(), page))
        .onSuccess(p -> Responses.json(ctx, 200, Paging.envelope(p, KeysHandler::toJson)))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    Tenant tenant = TenantScope.tenant(ctx);
    UUID id = parseId(ctx.pathParam("id")).orElseThrow(Problem::notFound);
    store.read(conn -> AdminKeyRows.get(conn, tenant.id(), id, false))
        .map(found -> found.orElseThrow(Problem::notFound))
        .onSuccess(k -> Responses.json(ctx, 200, toJson(k)))
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    Tenant tenant = TenantScope.tenant(ctx);
    JsonFields f = new JsonFields(Bodies.object(ctx));
    f.allowOnly(Set.of("name"));
    String name = f.string("name", true, 1, 100);
    f.done();
    AdminKeys.Issued issued = AdminKeys.issue();
    store.<AdminKey>change(Caller.of(ctx).actor(), conn -> AdminKeyRows.insert(conn, tenant.id(), name,
            issued.prefix(), issued.hash(), store.now())
            .map(k -> new Changed<>(tenant.id(), k, AuditEntry.create("key", k.prefix(), toJson(k)))))
        .onSuccess(k -> {
          ctx.response().putHeader("Location", "/api/v1/tenants/" + tenant.slug() + "/keys/" + k.id());
          Responses.json(ctx, 201, toJson(k).put("key", issued.plaintext()));
        })
        .onFailure(ctx::fail);
  }

  private void revoke(RoutingContext ctx) {
    Tenant tenant = TenantScope.tenant(ctx);
    UUID id = parseId(ctx.pathParam("id")).orElseThrow(Problem::notFound);
    store.read(conn -> AdminKeyRows.get(conn, tenant.id(), id, false))
        .map(found -> found.orElseThrow(Problem::notFound))
        .compose(existing -> existing.revoked() ? Future.succeededFuture()
            : store.<Void>change(Caller.of(ctx).actor(), conn -> AdminKeyRows.revoke(conn, id, store.now())
                .map(k -> new Changed<Void>(tenant.id(), null,
                    new AuditEntry("revoke", "key", k.prefix(), toJson(existing), toJson(k))))))
        .onSuccess(v -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }

  private static Optional<UUID> parseId(String text) {
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
