package dev.gatehouse.core.store;

import static java.util.stream.Collectors.groupingBy;

import dev.gatehouse.core.crypto.SecretBox;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The tenants' signing keys: created on demand (a tenant without an active key gets one the first time anyone asks,
 * however many gateway nodes ask at once), listed, and rotated as an audited configuration change.
 */
public final class SigningKeyStore {
  private final ConfigStore store;
  private final SecretBox secrets;

  public SigningKeyStore(ConfigStore store, SecretBox secrets) {
    this.store = Objects.requireNonNull(store, "store");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
  }

  /** A rotation's outcome: the key it retired (empty when the tenant had none) and the new active key. */
  public record Rotation(Optional<SigningKey> retired, SigningKey active) {}

  /**
   * The tenant's published keys, the active one first, then the most recently retired, creating the active key
   * if the tenant has none.
   *
   * @return a failed future with {@link TenantGone} when the tenant does not exist
   */
  public Future<List<SigningKey>> ensurePublished(UUID tenantId) {
    return store.read(conn -> ensureActive(conn, tenantId)
        .compose(active -> SigningKeyRows.published(conn, tenantId, store.now())));
  }

  /** The tenant's active key, created if the tenant has none. */
  public Future<SigningKey> ensureActive(UUID tenantId) {
    return store.read(conn -> ensureActive(conn, tenantId));
  }

  /** The published keys of every tenant that has any, each as {@link #ensurePublished} orders them (one query). */
  public Future<Map<UUID, List<SigningKey>>> publishedEveryTenant() {
    return store.read(conn -> SigningKeyRows.publishedEveryTenant(conn, store.now()))
        .map(keys -> keys.stream().collect(groupingBy(SigningKey::tenantId)));
  }

  /** Every stored key of the tenant (active, published and not yet deleted retired ones), newest first. */
  public Future<Page<SigningKey>> list(UUID tenantId, PageRequest page) {
    return store.read(conn -> SigningKeyRows.list(conn, tenantId, page));
  }

  /**
   * Retires the active key and makes a new one active, deleting retired keys that are no longer published; one
   * configuration change (version bump, audit record by {@code actor}, NOTIFY). Concurrent rotations of one tenant
   * run one after the other.
   */
  public Future<Rotation> rotate(UUID tenantId, String actor) {
    return store.change(actor, conn -> lockTenant(conn, tenantId)
        .compose(v -> SigningKeyRows.retireActive(conn, tenantId, store.now()))
        .compose(retired -> SigningKeyRows.deleteUnpublished(conn, tenantId, store.now())
            .compose(deleted -> SigningKeyRows.insertActive(conn, tenantId,
                SigningKeyMaterial.generate(tenantId, secrets), store.now()))
            .map(active -> new Changed<>(tenantId, new Rotation(retired, active),
                new AuditEntry("rotate", "signing_key", active.kid(),
                    retired.map(SigningKeyStore::auditView).orElse(null), auditView(active))))));
  }

  /** What the audit records of a key: never the private key. */
  public static JsonObject auditView(SigningKey key) {
    return new JsonObject()
        .put("kid", key.kid())
        .put("state", key.state())
        .put("created_at", key.createdAt().toString())
        .put("retired_at", key.retiredAt() == null ? null : key.retiredAt().toString());
  }

  private Future<SigningKey> ensureActive(SqlConnection conn, UUID tenantId) {
    return SigningKeyRows.active(conn, tenantId).compose(found -> found.isPresent()
        ? Future.succeededFuture(found.get())
        : SigningKeyRows.insertFirst(conn, tenantId, SigningKeyMaterial.generate(tenantId, secrets), store.now())
            .recover(SigningKeyStore::tenantGoneOnMissingReference)
            // Empty: another node inserted first; its key is committed and visible to this next statement.
            .compose(inserted -> inserted.isPresent()
                ? Future.succeededFuture(inserted.get())
                : SigningKeyRows.active(conn, tenantId).map(again -> again.orElseThrow(TenantGone::new))));
  }

  /** Serializes rotations of one tenant; FOR NO KEY UPDATE leaves inserts that reference the tenant unblocked. */
  private static Future<Void> lockTenant(SqlConnection conn, UUID tenantId) {
    return conn.preparedQuery("SELECT id FROM tenants WHERE id = $1 FOR NO KEY UPDATE")
        .execute(Tuple.of(tenantId))
        .map(rows -> {
          if (rows.size() == 0) {
            throw new TenantGone();
          }
          return null;
        });
  }

  private static <T> Future<T> tenantGoneOnMissingReference(Throwable error) {
    Throwable translated = DbErrors.translate(error);
    return Future.failedFuture(translated instanceof StoreConflict conflict
        && conflict.kind() == StoreConflict.Kind.REFERENCE ? new TenantGone() : translated);
  }
}
