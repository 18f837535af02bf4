package dev.gatehouse.admin.resources;

import dev.gatehouse.admin.auth.Caller;
import dev.gatehouse.admin.auth.TenantScope;
import dev.gatehouse.admin.http.Paging;
import dev.gatehouse.admin.http.Problem;
import dev.gatehouse.admin.http.Responses;
import dev.gatehouse.core.config.Tenant;
import dev.gatehouse.core.crypto.SecretBox;
import dev.gatehouse.core.store.ConfigStore;
import dev.gatehouse.core.store.SigningKey;
import dev.gatehouse.core.store.SigningKeyRows;
import dev.gatehouse.core.store.SigningKeyStore;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * /tenants/{slug}/signing-keys: the keys that sign the tenant's identity assertions (public parts only), and their
 * rotation. Listing creates the tenant's first key when it has none, so the list always shows the signing key.
 */
public final class SigningKeysHandler {
  private final SigningKeyStore keys;

  public SigningKeysHandler(ConfigStore store, SecretBox secrets) {
    this.keys = new SigningKeyStore(store, secrets);
  }

  public void mount(Router api) {
    api.get("/tenants/:slug/signing-keys").handler(this::list);
    api.post("/tenants/:slug/signing-keys/rotate").handler(this::rotate);
  }

  static JsonObject toJson(SigningKey k) {
    return new JsonObject()
        .put("kid", k.kid())
        .put("state", k.state())
        .put("algorithm", SigningKey.ALGORITHM)
        .put("public_jwk", k.publishedJwk())
        .put("created_at", k.createdAt().toString())
        .put("retired_at", k.retiredAt() == null ? null : k.retiredAt().toString())
        .put("published_until", k.publishedUntil() == null ? null : k.publishedUntil().toString());
  }

  private void list(RoutingContext ctx) {
    Tenant tenant = TenantScope.tenant(ctx);
    var page = Paging.request(ctx, SigningKeyRows::validCursor);
    keys.ensureActive(tenant.id())
        .compose(active -> keys.list(tenant.id(), page))
        .onSuccess(p -> Responses.json(ctx, 200, Paging.envelope(p, SigningKeysHandler::toJson)))
        .onFailure(ctx::fail);
  }

  private void rotate(RoutingContext ctx) {
    Tenant tenant = TenantScope.tenant(ctx);
    if (ctx.body().buffer() != null && ctx.body().buffer().length() > 0) {
      throw Problem.badRequest("rotate takes no request body");
    }
    keys.rotate(tenant.id(), Caller.of(ctx).actor())
        .onSuccess(rotation -> Responses.json(ctx, 200, toJson(rotation.active())))
        .onFailure(ctx::fail);
  }
}
