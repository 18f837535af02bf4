package dev.gatehouse.core.store;

import dev.gatehouse.core.config.Tenant;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import java.util.UUID;

/** SQL for the tenants table. */
public final class TenantRows {
  private static final String COLUMNS =
      "id, slug, display_name, contact, authenticate_hostname, allow_gateway_identity, config_version, version,"
          + " created_at, updated_at";

  private TenantRows() {}

  public static Future<Optional<Tenant>> bySlug(SqlClient client, String slug, boolean forUpdate) {
    return client
        .preparedQuery("SELECT " + COLUMNS + " FROM tenants WHERE slug = $1" + (forUpdate ? " FOR UPDATE" : ""))
        .execute(Tuple.of(slug))
        .map(rows -> Rows.first(rows, TenantRows::map));
  }

  public static Future<Optional<Tenant>> byId(SqlClient client, UUID id) {
    return client
        .preparedQuery("SELECT " + COLUMNS + " FROM tenants WHERE id = $1")
        .execute(Tuple.of(id))
        .map(rows -> Rows.first(rows, TenantRows::map));
  }

  /** Tenants ordered by slug; {@code only} restricts the list to one tenant (null = all). */
  public static Future<Page<Tenant>> list(SqlClient client, PageRequest page, UUID only) {
    return client
        .preparedQuery("SELECT " + COLUMNS + " FROM tenants WHERE ($1::uuid IS NULL OR id = $1)"
            + " AND ($2::text IS NULL OR slug > $2) ORDER BY slug LIMIT $3")
        .execute(Tuple.of(only, page.after(), page.limit() + 1))
        .map(rows -> page.toPage(rows, TenantRows::map, Tenant::slug));
  }

  public static Future<Tenant> insert(SqlClient client, Tenant t) {
    return client
        .preparedQuery("INSERT INTO tenants (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
            + " RETURNING " + COLUMNS)
        .execute(Tuple.of(t.id(), t.slug(), t.displayName(), t.contact(), t.authenticateHostname(),
            t.allowGatewayIdentity(), t.configVersion(), t.version(), Times.toDb(t.createdAt()),
            Times.toDb(t.updatedAt())))
        .map(rows -> map(rows.iterator().next()));
  }

  public static Future<Tenant> update(SqlClient client, Tenant t) {
    return client
        .preparedQuery("UPDATE tenants SET display_name = $2, contact = $3, authenticate_hostname = $4,"
            + " allow_gateway_identity = $5, version = $6, updated_at = $7 WHERE id = $1 RETURNING " + COLUMNS)
        .execute(Tuple.of(t.id(), t.displayName(), t.contact(), t.authenticateHostname(),
            t.allowGatewayIdentity(), t.version(), Times.toDb(t.updatedAt())))
        .map(rows -> map(rows.iterator().next()));
  }

  static Future<Optional<ConfigChange>> bumpConfigVersion(SqlClient client, UUID id) {
    return client
        .preparedQuery("UPDATE tenants SET config_version = config_version + 1 WHERE id = $1"
            + " RETURNING slug, config_version")
        .execute(Tuple.of(id))
        .map(rows -> Rows.first(rows, r -> new ConfigChange(r.getString(0), r.getLong(1))));
  }

  static Future<Void> delete(SqlClient client, UUID id) {
    return client.preparedQuery("DELETE FROM tenants WHERE id = $1").execute(Tuple.of(id)).mapEmpty();
  }

  static Future<java.util.List<Tenant>> all(SqlClient client) {
    return client.query("SELECT " + COLUMNS + " FROM tenants ORDER BY slug").execute()
        .map(rows -> Rows.all(rows, TenantRows::map));
  }

  static Tenant map(Row r) {
    return new Tenant(
        r.getUUID("id"),
        r.getString("slug"),
        r.getString("display_name"),
        r.getString("contact"),
        r.getString("authenticate_hostname"),
        r.getBoolean("allow_gateway_identity"),
        r.getLong("config_version"),
        r.getInteger("version"),
        Times.fromDb(r.getOffsetDateTime("created_at")),
        Times.fromDb(r.getOffsetDateTime("updated_at")));
  }
}
