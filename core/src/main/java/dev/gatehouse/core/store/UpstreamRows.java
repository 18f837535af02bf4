package dev.gatehouse.core.store;

import dev.gatehouse.core.config.ResourceMeta;
import dev.gatehouse.core.config.ServerlessAuth;
import dev.gatehouse.core.config.ServerlessHeader;
import dev.gatehouse.core.config.Upstream;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for the upstreams table. */
public final class UpstreamRows {
  private static final String COLUMNS = "id, tenant_id, name, url, serverless_auth, connect_timeout, timeout,"
      + " version, created_at, updated_at";

  private UpstreamRows() {}

  public static Future<Optional<Upstream>> get(SqlClient client, UUID tenantId, String name, boolean forUpdate) {
    return client
        .preparedQuery("SELECT " + COLUMNS + " FROM upstreams WHERE tenant_id = $1 AND name = $2"
            + (forUpdate ? " FOR UPDATE" : ""))
        .execute(Tuple.of(tenantId, name))
        .map(rows -> Rows.first(rows, UpstreamRows::map));
  }

  public static Future<Page<Upstream>> list(SqlClient client, UUID tenantId, PageRequest page) {
    return client
        .preparedQuery("SELECT " + COLUMNS + " FROM upstreams WHERE tenant_id = $1"
            + " AND ($2::text IS NULL OR name > $2) ORDER BY name LIMIT $3")
        .execute(Tuple.of(tenantId, page.after(), page.limit() + 1))
        .map(rows -> page.toPage(rows, UpstreamRows::map, Upstream::name));
  }

  public static Future<List<Upstream>> all(SqlClient client, UUID tenantId) {
    return client
        .preparedQuery("SELECT " + COLUMNS + " FROM upstreams WHERE tenant_id = $1 ORDER BY name")
        .execute(Tuple.of(tenantId))
        .map(rows -> Rows.all(rows, UpstreamRows::map));
  }

  /** Every tenant's upstreams with Google serverless authentication enabled (who claims which account and service). */
  public static Future<List<Upstream>> signedEverywhere(SqlClient client) {
    return client
        .query("SELECT " + COLUMNS + " FROM upstreams WHERE (serverless_auth ->> 'enabled')::boolean"
            + " ORDER BY tenant_id, name")
        .execute()
        .map(rows -> Rows.all(rows, UpstreamRows::map));
  }

  public static Future<Upstream> insert(SqlClient client, Upstream draft, Instant now) {
    return client
        .preparedQuery("INSERT INTO upstreams (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $8)"
            + " RETURNING " + COLUMNS)
        .execute(Tuple.of(UUID.randomUUID(), draft.meta().tenantId(), draft.name(), draft.url(),
            toJson(draft.serverlessAuth()), draft.connectTimeout(), draft.timeout(), Times.toDb(now)))
        .map(rows -> map(rows.iterator().next()));
  }

  public static Future<Upstream> update(SqlClient client, Upstream u) {
    return client
        .preparedQuery("UPDATE upstreams SET url = $2, serverless_auth = $3, connect_timeout = $4, timeout = $5,"
            + " version = $6, updated_at = $7 WHERE id = $1 RETURNING " + COLUMNS)
        .execute(Tuple.of(u.meta().id(), u.url(), toJson(u.serverlessAuth()), u.connectTimeout(), u.timeout(),
            u.meta().version(), Times.toDb(u.meta().updatedAt())))
        .map(rows -> map(rows.iterator().next()));
  }

  public static Future<Void> delete(SqlClient client, UUID id) {
    return client.preparedQuery("DELETE FROM upstreams WHERE id = $1").execute(Tuple.of(id)).mapEmpty();
  }

  static JsonObject toJson(ServerlessAuth auth) {
    return new JsonObject()
        .put("enabled", auth.enabled())
        .put("audience", auth.audience())
        .put("header", auth.header().wireName())
        .put("service_account", auth.serviceAccount());
  }

  static ServerlessAuth fromJson(JsonObject json) {
    return new ServerlessAuth(
        json.getBoolean("enabled", false),
        json.getString("audience"),
        ServerlessHeader.fromWire(json.getString("header")).orElse(ServerlessHeader.X_SERVERLESS_AUTHORIZATION),
        json.getString("service_account"));
  }

  /** Rows of every tenant, in each tenant's order (for loading all snapshots at once). */
  static Future<List<Upstream>> everyTenant(SqlClient client) {
    return client
        .query("SELECT " + COLUMNS + " FROM upstreams ORDER BY tenant_id, name")
        .execute()
        .map(rows -> Rows.all(rows, UpstreamRows::map));
  }

  static Upstream map(Row r) {
    return new Upstream(
        new ResourceMeta(r.getUUID("id"), r.getUUID("tenant_id"), r.getInteger("version"),
            Times.fromDb(r.getOffsetDateTime("created_at")), Times.fromDb(r.getOffsetDateTime("updated_at"))),
        r.getString("name"),
        r.getString("url"),
        fromJson(r.getJsonObject("serverless_auth")),
        r.getString("connect_timeout"),
        r.getString("timeout"));
  }
}
