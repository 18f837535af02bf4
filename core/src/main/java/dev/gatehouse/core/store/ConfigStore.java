package dev.gatehouse.core.store;

import static java.util.stream.Collectors.groupingBy;

import dev.gatehouse.core.config.Hostname;
import dev.gatehouse.core.config.Idp;
import dev.gatehouse.core.config.Route;
import dev.gatehouse.core.config.Tenant;
import dev.gatehouse.core.config.TenantConfig;
import dev.gatehouse.core.config.Upstream;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The configuration store. Every change runs in one transaction that also bumps the tenant's config version,
 * records the audit entry and sends {@code NOTIFY gatehouse_config}; so a change that fails leaves no trace.
 */
public final class ConfigStore {
  public static final String CHANNEL = "gatehouse_config";

  private final Pool pool;
  private final Clock clock;

  public ConfigStore(Pool pool, Clock clock) {
    this.pool = Objects.requireNonNull(pool, "pool");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Pool pool() {
    return pool;
  }

  /** Now, at the database's precision. */
  public Instant now() {
    return Times.now(clock);
  }

  public <T> Future<T> read(Function<SqlConnection, Future<T>> work) {
    return pool.withConnection(work).recover(e -> Future.failedFuture(DbErrors.translate(e)));
  }

  /** Runs {@code work} and records it as one change made by {@code actor} ("operator" or "key:PREFIX"). */
  public <T> Future<T> change(String actor, Function<SqlConnection, Future<Changed<T>>> work) {
    return pool.<T>withTransaction(conn -> work.apply(conn)
            .compose(changed -> TenantRows.bumpConfigVersion(conn, changed.tenantId())
                .compose(bumped -> {
                  ConfigChange change = bumped.orElseThrow(TenantGone::new);
                  return AuditRows.insert(conn, changed.tenantId(), actor, changed.audit(), now())
                      .compose(v -> notify(conn, change))
                      .map(changed.result());
                })))
        .recover(e -> Future.failedFuture(DbErrors.translate(e)));
  }

  /**
   * Records what {@code actor} did to something that is not configuration (ending sign-ins): audit records only, in
   * one transaction; the config version stays and no change event is sent, since no gateway has anything to reload.
   */
  public Future<Void> audit(UUID tenantId, String actor, List<AuditEntry> entries) {
    if (entries.isEmpty()) {
      return Future.succeededFuture();
    }
    Instant at = now();
    return pool.<Void>withTransaction(conn -> {
          Future<Void> written = Future.succeededFuture();
          for (AuditEntry entry : entries) {
            written = written.compose(v -> AuditRows.insert(conn, tenantId, actor, entry, at));
          }
          return written;
        })
        .recover(e -> Future.failedFuture(DbErrors.translate(e)));
  }

  /**
   * Deletes a tenant and everything under it, after {@code check} (run inside the transaction, with the tenant row
   * locked) has not failed. Listeners receive the change with the next config version and find the tenant gone.
   */
  public Future<Void> deleteTenant(UUID tenantId, Function<SqlConnection, Future<Void>> check) {
    return pool.<Void>withTransaction(conn -> TenantRows.bumpConfigVersion(conn, tenantId)
            .compose(bumped -> {
              ConfigChange change = bumped.orElseThrow(TenantGone::new);
              return check.apply(conn)
                  .compose(v -> notify(conn, change))
                  .compose(v -> TenantRows.delete(conn, tenantId));
            }))
        .recover(e -> Future.failedFuture(DbErrors.translate(e)));
  }

  /** Everything of one tenant by slug: one query per table, consistent (one repeatable-read transaction). */
  public Future<Optional<TenantConfig>> loadTenant(String slug) {
    return pool.withConnection(conn -> conn.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").execute()
        .compose(v -> TenantRows.bySlug(conn, slug, false))
        .compose(found -> found.isEmpty()
            ? Future.succeededFuture(Optional.<TenantConfig>empty())
            : loadRest(conn, found.get()).map(Optional::of))
        .eventually(() -> conn.query("COMMIT").execute()));
  }

  /** Everything of every tenant, ordered by slug: one query per table, in one repeatable-read transaction. */
  public Future<List<TenantConfig>> loadAll() {
    return pool.withConnection(conn -> conn.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").execute()
        .compose(v -> TenantRows.all(conn))
        .compose(tenants -> HostnameRows.everyTenant(conn)
            .compose(hostnames -> IdpRows.everyTenant(conn)
                .compose(idps -> UpstreamRows.everyTenant(conn)
                    .compose(upstreams -> RouteRows.everyTenant(conn)
                        .map(routes -> assemble(tenants, hostnames, idps, upstreams, routes))))))
        .eventually(() -> conn.query("COMMIT").execute()));
  }

  private static List<TenantConfig> assemble(List<Tenant> tenants, List<Hostname> hostnames, List<Idp> idps,
      List<Upstream> upstreams, List<Route> routes) {
    Map<UUID, List<Hostname>> hostnamesBy = hostnames.stream().collect(groupingBy(Hostname::tenantId));
    Map<UUID, List<Idp>> idpsBy = idps.stream().collect(groupingBy(i -> i.meta().tenantId()));
    Map<UUID, List<Upstream>> upstreamsBy = upstreams.stream().collect(groupingBy(u -> u.meta().tenantId()));
    Map<UUID, List<Route>> routesBy = routes.stream().collect(groupingBy(r -> r.meta().tenantId()));
    return tenants.stream().map(t -> new TenantConfig(t,
        hostnamesBy.getOrDefault(t.id(), List.of()), idpsBy.getOrDefault(t.id(), List.of()),
        upstreamsBy.getOrDefault(t.id(), List.of()), routesBy.getOrDefault(t.id(), List.of()))).toList();
  }

  private static Future<TenantConfig> loadRest(SqlConnection conn, Tenant tenant) {
    UUID id = tenant.id();
    return HostnameRows.all(conn, id).compose(hostnames -> IdpRows.all(conn, id)
        .compose(idps -> UpstreamRows.all(conn, id)
            .compose(upstreams -> RouteRows.all(conn, id)
                .map(routes -> new TenantConfig(tenant, hostnames, idps, upstreams, routes)))));
  }

  private static Future<Void> notify(SqlConnection conn, ConfigChange change) {
    return conn.preparedQuery("SELECT pg_notify('" + CHANNEL + "', $1)")
        .execute(Tuple.of(change.toPayload()))
        .mapEmpty();
  }
}
