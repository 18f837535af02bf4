package dev.gatehouse.core.store;

import dev.gatehouse.core.config.Hostname;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for the hostnames table. */
public final class HostnameRows {
  private static final String COLUMNS = "tenant_id, hostname, version, created_at";

  private HostnameRows() {}

  public static Future<Optional<Hostname>> get(SqlClient client, UUID tenantId, String hostname) {
    return client
        .preparedQuery("SELECT " + COLUMNS + " FROM hostnames WHERE tenant_id = $1 AND hostname = $2")
        .execute(Tuple.of(tenantId, hostname))
        .map(rows -> Rows.first(rows, HostnameRows::map));
  }

  public static Future<Page<Hostname>> list(SqlClient client, UUID tenantId, PageRequest page) {
    return client
        .preparedQuery("SELECT " + COLUMNS + " FROM hostnames WHERE tenant_id = $1"
            + " AND ($2::text IS NULL OR hostname > $2) ORDER BY hostname LIMIT $3")
        .execute(Tuple.of(tenantId, page.after(), page.limit() + 1))
        .map(rows -> page.toPage(rows, HostnameRows::map, Hostname::hostname));
  }

  /** All hostnames of a tenant in registration order (the first one is the default authenticate hostname). */
  public static Future<List<Hostname>> all(SqlClient client, UUID tenantId) {
    return client
        .preparedQuery("SELECT " + COLUMNS + " FROM hostnames WHERE tenant_id = $1 ORDER BY position")
        .execute(Tuple.of(tenantId))
        .map(rows -> Rows.all(rows, HostnameRows::map));
  }

  public static Future<Hostname> insert(SqlClient client, UUID tenantId, String hostname, Instant now) {
    return client
        .preparedQuery("INSERT INTO hostnames (tenant_id, hostname, version, created_at) VALUES ($1, $2, 1, $3)"
            + " RETURNING " + COLUMNS)
        .execute(Tuple.of(tenantId, hostname, Times.toDb(now)))
        .map(rows -> map(rows.iterator().next()));
  }

  public static Future<Void> delete(SqlClient client, UUID tenantId, String hostname) {
    return client
        .preparedQuery("DELETE FROM hostnames WHERE tenant_id = $1 AND hostname = $2")
        .execute(Tuple.of(tenantId, hostname))
        .mapEmpty();
  }

  /** Rows of every tenant, in each tenant's order (for loading all snapshots at once). */
  static Future<List<Hostname>> everyTenant(SqlClient client) {
    return client
        .query("SELECT " + COLUMNS + " FROM hostnames ORDER BY tenant_id, position")
        .execute()
        .map(rows -> Rows.all(rows, HostnameRows::map));
  }

  static Hostname map(Row r) {
    return new Hostname(
        r.getUUID("tenant_id"),
        r.getString("hostname"),
        r.getInteger("version"),
        Times.fromDb(r.getOffsetDateTime("created_at")));
  }
}
