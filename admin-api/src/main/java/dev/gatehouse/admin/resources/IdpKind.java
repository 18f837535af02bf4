package dev.gatehouse.admin.resources;

import dev.gatehouse.admin.http.JsonFields;
import dev.gatehouse.admin.http.Patterns;
import dev.gatehouse.core.config.Idp;
import dev.gatehouse.core.config.ResourceMeta;
import dev.gatehouse.core.config.Tenant;
import dev.gatehouse.core.crypto.SecretBox;
import dev.gatehouse.core.store.IdpRows;
import dev.gatehouse.core.store.Page;
import dev.gatehouse.core.store.PageRequest;
import dev.gatehouse.core.store.RouteRows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** OIDC identity providers. The client secret is sealed on input and never leaves the store again. */
final class IdpKind implements NamedKind<Idp> {
  private static final Set<String> FIELDS =
      Set.of("name", "issuer", "client_id", "client_secret", "scopes", "groups_claim");
  static final String REDACTED = "[redacted]";

  private final SecretBox secrets;
  private final Supplier<Instant> now;

  IdpKind(SecretBox secrets, Supplier<Instant> now) {
    this.secrets = secrets;
    this.now = now;
  }

  @Override
  public String type() {
    return "idp";
  }

  @Override
  public String collection() {
    return "idps";
  }

  @Override
  public Future<Optional<Idp>> get(SqlClient client, UUID tenantId, String name, boolean forUpdate) {
    return IdpRows.get(client, tenantId, name, forUpdate);
  }

  @Override
  public Future<Page<Idp>> list(SqlClient client, UUID tenantId, PageRequest page) {
    return IdpRows.list(client, tenantId, page);
  }

  @Override
  public Future<Idp> insert(SqlClient client, Idp draft, Instant at) {
    return IdpRows.insert(client, draft, at);
  }

  @Override
  public Future<Idp> update(SqlClient client, Idp next) {
    return IdpRows.update(client, next);
  }

  @Override
  public Future<Void> delete(SqlClient client, Idp existing) {
    return IdpRows.delete(client, existing.meta().id());
  }

  @Override
  public ResourceMeta meta(Idp idp) {
    return idp.meta();
  }

  @Override
  public String name(Idp idp) {
    return idp.name();
  }

  @Override
  public JsonObject toJson(Idp idp) {
    return new JsonObject()
        .put("name", idp.name())
        .put("issuer", idp.issuer())
        .put("client_id", idp.clientId())
        .put("client_secret_set", idp.clientSecretSealed() != null)
        .put("scopes", new JsonArray(idp.scopes()))
        .put("groups_claim", idp.groupsClaim())
        .put("version", idp.meta().version())
        .put("created_at", idp.meta().createdAt().toString())
        .put("updated_at", idp.meta().updatedAt().toString());
  }

  @Override
  public JsonObject audit(Idp idp, boolean secretWritten) {
    JsonObject json = toJson(idp);
    if (secretWritten) {
      json.put("client_secret", REDACTED);
    }
    return json;
  }

  @Override
  public Future<Draft<Idp>> decode(SqlClient client, Tenant tenant, JsonObject body, Idp current) {
    JsonFields f = new JsonFields(body);
    f.allowOnly(FIELDS);
    String name = f.matching("name", true, Patterns.NAME, Patterns.NAME_DESCRIPTION);
    String issuer = f.string("issuer", true, 1, 2000);
    if (issuer != null && !Urls.isIssuer(issuer)) {
      f.error("issuer", "must be an absolute https URL (http only for localhost), without query or fragment");
    }
    String clientId = f.string("client_id", true, 1, 500);
    String secret = f.string("client_secret", current == null, 1, 2000);
    List<String> scopes = f.strings("scopes", Idp.DEFAULT_SCOPES, 200);
    if (f.has("scopes") && !scopes.contains("openid")) {
      f.error("scopes", "must contain \"openid\"");
    }
    String groupsClaim = f.has("groups_claim") ? f.string("groups_claim", false, 1, 200) : Idp.DEFAULT_GROUPS_CLAIM;
    f.done();
    if (groupsClaim == null) {
      groupsClaim = Idp.DEFAULT_GROUPS_CLAIM;
    }
    ResourceMeta meta = current == null ? ResourceMeta.draft(tenant.id()) : current.meta().updated(now.get());
    byte[] sealed = secret != null
        ? secrets.seal(secret, Idp.secretAad(tenant.id(), name))
        : current.clientSecretSealed();
    Idp idp = new Idp(meta, name, issuer, clientId, sealed, scopes, groupsClaim);
    return Future.succeededFuture(new Draft<>(idp, secret != null));
  }

  @Override
  public Future<Void> checkUnused(SqlClient client, Tenant tenant, Idp idp) {
    return RouteRows.referencing(client, tenant.id(), RouteRows.Reference.IDP, idp.name())
        .compose(routes -> References.refuseIfUsed("idp", idp.name(), routes));
  }
}
