package dev.gatehouse.core.store;

import dev.gatehouse.core.config.AuditRecord;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.UUID;

/** SQL for the audit table (newest first). */
public final class AuditRows {
  private static final String COLUMNS =
      "id, tenant_id, at, actor, action, resource_type, resource_name, before, after";

  private AuditRows() {}

  public static Future<Page<AuditRecord>> list(SqlClient client, UUID tenantId, PageRequest page) {
    Long before = page.after() == null ? null : Long.parseLong(page.after());
    return client
        .preparedQuery("SELECT " + COLUMNS + " FROM audit WHERE tenant_id = $1"
            + " AND ($2::bigint IS NULL OR id < $2) ORDER BY id DESC LIMIT $3")
        .execute(Tuple.of(tenantId, before, page.limit() + 1))
        .map(rows -> page.toPage(rows, AuditRows::map, a -> Long.toString(a.id())));
  }

  static Future<Void> insert(SqlClient client, UUID tenantId, String actor, AuditEntry entry, Instant now) {
    return client
        .preparedQuery("INSERT INTO audit (tenant_id, at, actor, action, resource_type, resource_name, before, after)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
        .execute(Tuple.of(tenantId, Times.toDb(now), actor, entry.action(), entry.resourceType(),
            entry.resourceName(), entry.before(), entry.after()))
        .mapEmpty();
  }

  static AuditRecord map(Row r) {
    return new AuditRecord(
        r.getLong("id"),
        r.getUUID("tenant_id"),
        Times.fromDb(r.getOffsetDateTime("at")),
        r.getString("actor"),
        r.getString("action"),
        r.getString("resource_type"),
        r.getString("resource_name"),
        r.getJsonObject("before"),
        r.getJsonObject("after"));
  }
}
