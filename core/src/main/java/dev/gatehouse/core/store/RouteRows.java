package dev.gatehouse.core.store;

import dev.gatehouse.core.config.ResourceMeta;
import dev.gatehouse.core.config.Route;
import dev.gatehouse.core.config.RouteFrom;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for the routes table. */
public final class RouteRows {
  private static final String COLUMNS = "id, tenant_id, name, from_scheme, from_hostname, upstream, idp, spec,"
      + " version, created_at, updated_at";

  /** A column of routes that refers to another resource by name. */
  public enum Reference {
    FROM_HOSTNAME("from_hostname"), UPSTREAM("upstream"), IDP("idp");

    private final String column;

    Reference(String column) {
      this.column = column;
    }
  }

  private RouteRows() {}

  public static Future<Optional<Route>> get(SqlClient client, UUID tenantId, String name, boolean forUpdate) {
    return client
        .preparedQuery("SELECT " + COLUMNS + " FROM routes WHERE tenant_id = $1 AND name = $2"
            + (forUpdate ? " FOR UPDATE" : ""))
        .execute(Tuple.of(tenantId, name))
        .map(rows -> Rows.first(rows, RouteRows::map));
  }

  public static Future<Page<Route>> list(SqlClient client, UUID tenantId, PageRequest page) {
    return client
        .preparedQuery("SELECT " + COLUMNS + " FROM routes WHERE tenant_id = $1"
            + " AND ($2::text IS NULL OR name > $2) ORDER BY name LIMIT $3")
        .execute(Tuple.of(tenantId, page.after(), page.limit() + 1))
        .map(rows -> page.toPage(rows, RouteRows::map, Route::name));
  }

  public static Future<List<Route>> all(SqlClient client, UUID tenantId) {
    return client
        .preparedQuery("SELECT " + COLUMNS + " FROM routes WHERE tenant_id = $1 ORDER BY name")
        .execute(Tuple.of(tenantId))
        .map(rows -> Rows.all(rows, RouteRows::map));
  }

  /** Names of the tenant's routes whose {@code reference} column equals {@code value}, sorted. */
  public static Future<List<String>> referencing(SqlClient client, UUID tenantId, Reference reference, String value) {
    return client
        .preparedQuery("SELECT name FROM routes WHERE tenant_id = $1 AND " + reference.column + " = $2 ORDER BY name")
        .execute(Tuple.of(tenantId, value))
        .map(rows -> Rows.all(rows, r -> r.getString(0)));
  }

  public static Future<Route> insert(SqlClient client, Route draft, Instant now) {
    return client
        .preparedQuery("INSERT INTO routes (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $9)"
            + " RETURNING " + COLUMNS)
        .execute(Tuple.of(UUID.randomUUID(), draft.meta().tenantId(), draft.name(), draft.from().scheme(),
            draft.from().hostname(), draft.upstream(), draft.idp(), spec(draft), Times.toDb(now)))
        .map(rows -> map(rows.iterator().next()));
  }

  public static Future<Route> update(SqlClient client, Route r) {
    return client
        .preparedQuery("UPDATE routes SET from_scheme = $2, from_hostname = $3, upstream = $4, idp = $5, spec = $6,"
            + " version = $7, updated_at = $8 WHERE id = $1 RETURNING " + COLUMNS)
        .execute(Tuple.of(r.meta().id(), r.from().scheme(), r.from().hostname(), r.upstream(), r.idp(), spec(r),
            r.meta().version(), Times.toDb(r.meta().updatedAt())))
        .map(rows -> map(rows.iterator().next()));
  }

  public static Future<Void> delete(SqlClient client, UUID id) {
    return client.preparedQuery("DELETE FROM routes WHERE id = $1").execute(Tuple.of(id)).mapEmpty();
  }

  private static JsonObject spec(Route r) {
    return RouteSpecJson.encode(r.match(), r.policy(), r.options(), r.headers(), r.timeout());
  }

  /** Rows of every tenant, in each tenant's order (for loading all snapshots at once). */
  static Future<List<Route>> everyTenant(SqlClient client) {
    return client
        .query("SELECT " + COLUMNS + " FROM routes ORDER BY tenant_id, name")
        .execute()
        .map(rows -> Rows.all(rows, RouteRows::map));
  }

  static Route map(Row r) {
    JsonObject spec = r.getJsonObject("spec");
    return new Route(
        new ResourceMeta(r.getUUID("id"), r.getUUID("tenant_id"), r.getInteger("version"),
            Times.fromDb(r.getOffsetDateTime("created_at")), Times.fromDb(r.getOffsetDateTime("updated_at"))),
        r.getString("name"),
        new RouteFrom(r.getString("from_scheme"), r.getString("from_hostname")),
        RouteSpecJson.match(spec),
        r.getString("upstream"),
        r.getString("idp"),
        spec.getJsonArray("policy"),
        RouteSpecJson.options(spec),
        RouteSpecJson.headers(spec),
        spec.getString("timeout"));
  }
}
