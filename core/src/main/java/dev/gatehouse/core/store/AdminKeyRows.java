package dev.gatehouse.core.store;

import dev.gatehouse.core.config.AdminKey;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** SQL for the admin_keys table. */
public final class AdminKeyRows {
  private static final String COLUMNS = "id, tenant_id, name, prefix, created_at, revoked_at";

  private AdminKeyRows() {}

  /** A key by hash, with its tenant's slug, for authentication (revoked keys included: the caller decides). */
  public record Found(AdminKey key, String tenantSlug) {}

  public static Future<Optional<Found>> byHash(SqlClient client, byte[] hash) {
    return client
        .preparedQuery("SELECT k.id, k.tenant_id, k.name, k.prefix, k.created_at, k.revoked_at, t.slug"
            + " FROM admin_keys k JOIN tenants t ON t.id = k.tenant_id WHERE k.hash = $1")
        .execute(Tuple.of(Buffer.buffer(hash)))
        .map(rows -> Rows.first(rows, r -> new Found(map(r), r.getString("slug"))));
  }

  public static Future<Optional<AdminKey>> get(SqlClient client, UUID tenantId, UUID id, boolean forUpdate) {
    return client
        .preparedQuery("SELECT " + COLUMNS + " FROM admin_keys WHERE tenant_id = $1 AND id = $2"
            + (forUpdate ? " FOR UPDATE" : ""))
        .execute(Tuple.of(tenantId, id))
        .map(rows -> Rows.first(rows, AdminKeyRows::map));
  }

  /** Keys ordered by name, then id; the cursor is the last key's id (keys are revoked, never deleted). */
  public static Future<Page<AdminKey>> list(SqlClient client, UUID tenantId, PageRequest page) {
    return client
        .preparedQuery("SELECT " + COLUMNS + " FROM admin_keys WHERE tenant_id = $1 AND ($2::uuid IS NULL"
            + " OR (name, id) > (SELECT name, id FROM admin_keys WHERE id = $2::uuid)) ORDER BY name, id LIMIT $3")
        .execute(Tuple.of(tenantId, page.after() == null ? null : UUID.fromString(page.after()), page.limit() + 1))
        .map(rows -> page.toPage(rows, AdminKeyRows::map, k -> k.id().toString()));
  }

  public static Future<AdminKey> insert(SqlClient client, UUID tenantId, String name, String prefix, byte[] hash,
      Instant now) {
    return client
        .preparedQuery("INSERT INTO admin_keys (id, tenant_id, name, prefix, hash, created_at)"
            + " VALUES ($1, $2, $3, $4, $5, $6) RETURNING " + COLUMNS)
        .execute(Tuple.of(UUID.randomUUID(), tenantId, name, prefix, Buffer.buffer(hash), Times.toDb(now)))
        .map(rows -> map(rows.iterator().next()));
  }

  public static Future<AdminKey> revoke(SqlClient client, UUID id, Instant now) {
    return client
        .preparedQuery("UPDATE admin_keys SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1 RETURNING " + COLUMNS)
        .execute(Tuple.of(id, Times.toDb(now)))
        .map(rows -> map(rows.iterator().next()));
  }

  static AdminKey map(Row r) {
    return new AdminKey(
        r.getUUID("id"),
        r.getUUID("tenant_id"),
        r.getString("name"),
        r.getString("prefix"),
        Times.fromDb(r.getOffsetDateTime("created_at")),
        Times.fromDb(r.getOffsetDateTime("revoked_at")));
  }
}
