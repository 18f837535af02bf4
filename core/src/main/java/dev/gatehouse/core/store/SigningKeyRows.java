package dev.gatehouse.core.store;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for the signing_keys table. */
public final class SigningKeyRows {
  private static final String COLUMNS = "tenant_id, kid, public_jwk, private_key_sealed, created_at, retired_at";
  /** Active, or retired recently enough to be published ($n is the oldest retirement still published). */
  private static String publishedCondition(int n) {
    return "(state = 'active' OR retired_at > $" + n + ")";
  }

  private static final String PUBLISHED_ORDER = "retired_at DESC NULLS FIRST, kid";

  private SigningKeyRows() {}

  public static Future<Optional<SigningKey>> active(SqlClient client, UUID tenantId) {
    return client
        .preparedQuery("SELECT " + COLUMNS + " FROM signing_keys WHERE tenant_id = $1 AND state = 'active'")
        .execute(Tuple.of(tenantId))
        .map(rows -> Rows.first(rows, SigningKeyRows::map));
  }

  /** The keys in the tenant's JWKS at {@code now}: the active one, then the most recently retired first. */
  public static Future<List<SigningKey>> published(SqlClient client, UUID tenantId, Instant now) {
    return client
        .preparedQuery("SELECT " + COLUMNS + " FROM signing_keys WHERE tenant_id = $1 AND " + publishedCondition(2)
            + " ORDER BY " + PUBLISHED_ORDER)
        .execute(Tuple.of(tenantId, Times.toDb(publishedSince(now))))
        .map(rows -> Rows.all(rows, SigningKeyRows::map));
  }

  /** Published keys of every tenant, each tenant's in the order of {@link #published}. */
  public static Future<List<SigningKey>> publishedEveryTenant(SqlClient client, Instant now) {
    return client
        .preparedQuery("SELECT " + COLUMNS + " FROM signing_keys WHERE " + publishedCondition(1)
            + " ORDER BY tenant_id, " + PUBLISHED_ORDER)
        .execute(Tuple.of(Times.toDb(publishedSince(now))))
        .map(rows -> Rows.all(rows, SigningKeyRows::map));
  }

  /**
   * Every stored key of the tenant, newest first. The cursor is "created_at kid" of the last key, so a page
   * stays well defined when the key it ended on has since been deleted.
   */
  public static Future<Page<SigningKey>> list(SqlClient client, UUID tenantId, PageRequest page) {
    Cursor after = page.after() == null ? null : Cursor.parse(page.after()).orElseThrow();
    return client
        .preparedQuery("SELECT " + COLUMNS + " FROM signing_keys WHERE tenant_id = $1"
            + " AND ($2::timestamptz IS NULL OR (created_at, kid) < ($2, $3::text))"
            + " ORDER BY created_at DESC, kid DESC LIMIT $4")
        .execute(Tuple.of(tenantId, after == null ? null : Times.toDb(after.createdAt()),
            after == null ? null : after.kid(), page.limit() + 1))
        .map(rows -> page.toPage(rows, SigningKeyRows::map, k -> new Cursor(k.createdAt(), k.kid()).toString()));
  }

  /** Whether {@code cursor} is one {@link #list} hands out. */
  public static boolean validCursor(String cursor) {
    return Cursor.parse(cursor).isPresent();
  }

  /** Inserts an active key unless the tenant has one already (then nothing happens and the result is empty). */
  public static Future<Optional<SigningKey>> insertFirst(SqlClient client, UUID tenantId,
      SigningKeyMaterial.Generated key, Instant now) {
    return client
        .preparedQuery("INSERT INTO signing_keys (tenant_id, kid, algorithm, public_jwk, private_key_sealed, state,"
            + " created_at) VALUES ($1, $2, '" + SigningKey.ALGORITHM + "', $3, $4, 'active', $5)"
            + " ON CONFLICT (tenant_id) WHERE state = 'active' DO NOTHING RETURNING " + COLUMNS)
        .execute(Tuple.of(tenantId, key.kid(), key.publicJwk(), Buffer.buffer(key.privateKeySealed()),
            Times.toDb(now)))
        .map(rows -> Rows.first(rows, SigningKeyRows::map));
  }

  /** Inserts an active key; fails with a unique violation when the tenant has an active key. */
  public static Future<SigningKey> insertActive(SqlClient client, UUID tenantId, SigningKeyMaterial.Generated key,
      Instant now) {
    return client
        .preparedQuery("INSERT INTO signing_keys (tenant_id, kid, algorithm, public_jwk, private_key_sealed, state,"
            + " created_at) VALUES ($1, $2, '" + SigningKey.ALGORITHM + "', $3, $4, 'active', $5) RETURNING "
            + COLUMNS)
        .execute(Tuple.of(tenantId, key.kid(), key.publicJwk(), Buffer.buffer(key.privateKeySealed()),
            Times.toDb(now)))
        .map(rows -> map(rows.iterator().next()));
  }

  /** Retires the tenant's active key, if any, and returns it as retired. */
  public static Future<Optional<SigningKey>> retireActive(SqlClient client, UUID tenantId, Instant now) {
    return client
        .preparedQuery("UPDATE signing_keys SET state = 'retired', retired_at = $2"
            + " WHERE tenant_id = $1 AND state = 'active' RETURNING " + COLUMNS)
        .execute(Tuple.of(tenantId, Times.toDb(now)))
        .map(rows -> Rows.first(rows, SigningKeyRows::map));
  }

  /** Deletes the tenant's retired keys that are no longer published at {@code now}; returns how many. */
  public static Future<Integer> deleteUnpublished(SqlClient client, UUID tenantId, Instant now) {
    return client
        .preparedQuery("DELETE FROM signing_keys WHERE tenant_id = $1 AND state = 'retired' AND retired_at <= $2")
        .execute(Tuple.of(tenantId, Times.toDb(publishedSince(now))))
        .map(rows -> rows.rowCount());
  }

  private static Instant publishedSince(Instant now) {
    return now.minus(SigningKey.PUBLISHED_AFTER_RETIREMENT);
  }

  static SigningKey map(Row r) {
    return new SigningKey(
        r.getUUID("tenant_id"),
        r.getString("kid"),
        r.getJsonObject("public_jwk"),
        r.getBuffer("private_key_sealed").getBytes(),
        Times.fromDb(r.getOffsetDateTime("created_at")),
        Times.fromDb(r.getOffsetDateTime("retired_at")));
  }

  private record Cursor(Instant createdAt, String kid) {
    static Optional<Cursor> parse(String text) {
      int space = text.indexOf(' ');
      if (space < 1 || space == text.length() - 1) {
        return Optional.empty();
      }
      try {
        return Optional.of(new Cursor(Instant.parse(text.substring(0, space)), text.substring(space + 1)));
      } catch (java.time.format.DateTimeParseException e) {
        return Optional.empty();
      }
    }

    @Override
    public String toString() {
      return createdAt + " " + kid;
    }
  }
}
