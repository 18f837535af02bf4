package dev.gatehouse.admin.resources;

import dev.gatehouse.core.config.ResourceMeta;
import dev.gatehouse.core.config.Tenant;
import dev.gatehouse.core.store.Page;
import dev.gatehouse.core.store.PageRequest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One kind of named per-tenant resource (idps, upstreams, routes): storage, JSON and validation. */
interface NamedKind<R> {
  /** Singular type as audited and shown in messages: "idp", "upstream", "route". */
  String type();

  /** The path segment: "idps", "upstreams", "routes". */
  String collection();

  Future<Optional<R>> get(SqlClient client, UUID tenantId, String name, boolean forUpdate);

  Future<Page<R>> list(SqlClient client, UUID tenantId, PageRequest page);

  Future<R> insert(SqlClient client, R draft, Instant now);

  Future<R> update(SqlClient client, R next);

  Future<Void> delete(SqlClient client, R existing);

  ResourceMeta meta(R resource);

  String name(R resource);

  JsonObject toJson(R resource);

  /** The audited representation: the API view, plus "client_secret": "[redacted]" when a secret was written. */
  default JsonObject audit(R resource, boolean secretWritten) {
    return toJson(resource);
  }

  /** Adjusts the current view before a patch is merged onto it (fields that exclude each other). */
  default void beforeMerge(JsonObject currentView, JsonObject patch) {}

  /** Validates a whole body (create, or a patch merged onto the current view) into a draft. */
  Future<Draft<R>> decode(SqlClient client, Tenant tenant, JsonObject body, R current);

  /** Fails with 409 naming the referrers when something still uses {@code resource}. */
  default Future<Void> checkUnused(SqlClient client, Tenant tenant, R resource) {
    return Future.succeededFuture();
  }
}
