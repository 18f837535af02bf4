package dev.gatehouse.core.store;

import dev.gatehouse.core.config.Idp;
import dev.gatehouse.core.config.ResourceMeta;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for the idps table. */
public final class IdpRows {
  private static final String COLUMNS = "id, tenant_id, name, issuer, client_id, client_secret_sealed, scopes,"
      + " groups_claim, version, created_at, updated_at";

  private IdpRows() {}

  public static Future<Optional<Idp>> get(SqlClient client, UUID tenantId, String name, boolean forUpdate) {
    return client
        .preparedQuery("SELECT " + COLUMNS + " FROM idps WHERE tenant_id = $1 AND name = $2"
            + (forUpdate ? " FOR UPDATE" : ""))
        .execute(Tuple.of(tenantId, name))
        .map(rows -> Rows.first(rows, IdpRows::map));
  }

  public static Future<Page<Idp>> list(SqlClient client, UUID tenantId, PageRequest page) {
    return client
        .preparedQuery("SELECT " + COLUMNS + " FROM idps WHERE tenant_id = $1"
            + " AND ($2::text IS NULL OR name > $2) ORDER BY name LIMIT $3")
        .execute(Tuple.of(tenantId, page.after(), page.limit() + 1))
        .map(rows -> page.toPage(rows, IdpRows::map, Idp::name));
  }

  public static Future<List<Idp>> all(SqlClient client, UUID tenantId) {
    return client
        .preparedQuery("SELECT " + COLUMNS + " FROM idps WHERE tenant_id = $1 ORDER BY name")
        .execute(Tuple.of(tenantId))
        .map(rows -> Rows.all(rows, IdpRows::map));
  }

  /** Stores a new IdP (the draft's id, version and timestamps are assigned here). */
  public static Future<Idp> insert(SqlClient client, Idp draft, Instant now) {
    return client
        .preparedQuery("INSERT INTO idps (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $9)"
            + " RETURNING " + COLUMNS)
        .execute(Tuple.of(UUID.randomUUID(), draft.meta().tenantId(), draft.name(), draft.issuer(),
            draft.clientId(), Buffer.buffer(draft.clientSecretSealed()), draft.scopes().toArray(String[]::new),
            draft.groupsClaim(), Times.toDb(now)))
        .map(rows -> map(rows.iterator().next()));
  }

  /** Writes the IdP's fields with its meta's version and updatedAt. */
  public static Future<Idp> update(SqlClient client, Idp idp) {
    return client
        .preparedQuery("UPDATE idps SET issuer = $2, client_id = $3, client_secret_sealed = $4, scopes = $5,"
            + " groups_claim = $6, version = $7, updated_at = $8 WHERE id = $1 RETURNING " + COLUMNS)
        .execute(Tuple.of(idp.meta().id(), idp.issuer(), idp.clientId(), Buffer.buffer(idp.clientSecretSealed()),
            idp.scopes().toArray(String[]::new), idp.groupsClaim(), idp.meta().version(),
            Times.toDb(idp.meta().updatedAt())))
        .map(rows -> map(rows.iterator().next()));
  }

  public static Future<Void> delete(SqlClient client, UUID id) {
    return client.preparedQuery("DELETE FROM idps WHERE id = $1").execute(Tuple.of(id)).mapEmpty();
  }

  /** Rows of every tenant, in each tenant's order (for loading all snapshots at once). */
  static Future<List<Idp>> everyTenant(SqlClient client) {
    return client
        .query("SELECT " + COLUMNS + " FROM idps ORDER BY tenant_id, name")
        .execute()
        .map(rows -> Rows.all(rows, IdpRows::map));
  }

  static Idp map(Row r) {
    return new Idp(
        new ResourceMeta(r.getUUID("id"), r.getUUID("tenant_id"), r.getInteger("version"),
            Times.fromDb(r.getOffsetDateTime("created_at")), Times.fromDb(r.getOffsetDateTime("updated_at"))),
        r.getString("name"),
        r.getString("issuer"),
        r.getString("client_id"),
        r.getBuffer("client_secret_sealed").getBytes(),
        Arrays.asList(r.getArrayOfStrings("scopes")),
        r.getString("groups_claim"));
  }
}
