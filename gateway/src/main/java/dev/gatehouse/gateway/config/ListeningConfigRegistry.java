package dev.gatehouse.gateway.config;

import dev.gatehouse.core.store.ConfigChange;
import dev.gatehouse.core.store.ConfigChanges;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ConfigRegistry} of a gateway node: loads every tenant at start, then follows the database's change
 * events ({@code LISTEN gatehouse_config}) and reloads only the tenant an event names.
 *
 * <ul>
 * <li>{@link #start()} listens first, then loads everything, so no change committed in between is missed.</li>
 * <li>Loads run one at a time and coalesce ({@link ReloadQueue}); an event whose version the tenant's snapshot
 *     already has is ignored.</li>
 * <li>Every tenant is reloaded (a resync) every {@link ConfigRegistryOptions#resyncInterval()} and whenever the
 *     LISTEN connection has been re-established (events sent while it was down are lost). A resync recompiles
 *     only tenants whose config version changed. A failed load is logged; the next event or resync repairs it.</li>
 * <li>Snapshots are compiled on a worker thread; everything else happens on the registry's context (the one
 *     current when it was created, or a new event-loop context).</li>
 * <li>Events carry only the slug and version: should a tenant be deleted and re-created under the same slug while
 *     events are lost, the new tenant's low versions look stale until the next resync replaces the old one.</li>
 * </ul>
 */
public final class ListeningConfigRegistry implements ConfigRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ListeningConfigRegistry.class);

    private final Vertx vertx;
    private final ConfigRegistryOptions options;
    private final Context context;
    private final ReloadQueue queue;
    private final List<Consumer<TenantChange>> listeners = new CopyOnWriteArrayList<>();
    private volatile GatewayConfig current = GatewayConfig.EMPTY;
    private volatile boolean loaded;
    private ConfigChanges changes;
    private long resyncTimer = -1;

    public ListeningConfigRegistry(Vertx vertx, ConfigRegistryOptions options) {
        this.vertx = vertx;
        this.options = options;
        this.context = vertx.getOrCreateContext();
        this.queue = new ReloadQueue(new Loads());
    }

    /** Listens for change events, loads every tenant, and schedules the periodic resync. */
    public Future<Void> start() {
        return onContext(() -> changes != null
                ? Future.failedFuture(new IllegalStateException("the registry is already started"))
                : listenAndLoad());
    }

    private Future<Void> listenAndLoad() {
        return ConfigChanges.listen(vertx, options.listenTo(), this::received, this::relistened)
                .compose(listening -> {
                    changes = listening;
                    return queue.all();
                })
                .onSuccess(v -> {
                    long interval = options.resyncInterval().toMillis();
                    resyncTimer = vertx.setPeriodic(interval, interval, id -> resync()
                            .onFailure(e -> LOG.warn("periodic configuration resync failed: {}", e.toString())));
                    LOG.info("configuration loaded: {}", current);
                })
                .onFailure(e -> {
                    if (changes != null) {
                        changes.close();
                        changes = null;
                    }
                });
    }

    /** Stops listening and resyncing; the configuration in force stays readable. */
    public Future<Void> stop() {
        return onContext(() -> {
            if (resyncTimer >= 0) {
                vertx.cancelTimer(resyncTimer);
                resyncTimer = -1;
            }
            ConfigChanges listening = changes;
            changes = null;
            return listening == null ? Future.succeededFuture() : listening.close();
        });
    }

    @Override
    public GatewayConfig current() {
        return current;
    }

    @Override
    public boolean isLoaded() {
        return loaded;
    }

    @Override
    public void onTenantChanged(Consumer<TenantChange> listener) {
        listeners.add(listener);
    }

    @Override
    public Future<Void> resync() {
        return onContext(queue::all);
    }

    /** Handles one change event; completes once the tenant's snapshot is at least that version (or was reloaded). */
    Future<Void> changed(ConfigChange change) {
        return onContext(() -> queue.tenant(change.tenant(), change.version()));
    }

    private void received(ConfigChange change) {
        changed(change).onFailure(e -> LOG.warn("reloading tenant {} after a change event failed: {}",
                change.tenant(), e.toString()));
    }

    private void relistened() {
        LOG.info("configuration change listener reconnected; reloading every tenant");
        resync().onFailure(e -> LOG.warn("configuration resync after reconnecting failed: {}", e.toString()));
    }

    private void publish(Reconciliation result) {
        current = result.config();
        for (TenantChange change : result.changes()) {
            LOG.info("tenant {} {}", change.slug(), change.removed() ? "removed"
                    : "now at config version " + change.after().configVersion());
            for (Consumer<TenantChange> listener : listeners) {
                try {
                    listener.accept(change);
                } catch (RuntimeException e) {
                    LOG.warn("a tenant change listener failed", e);
                }
            }
        }
    }

    /** Runs {@code work} on the registry's context; its outcome is delivered there too. */
    private <T> Future<T> onContext(Supplier<Future<T>> work) {
        Promise<T> promise = Promise.promise();
        context.runOnContext(v -> {
            Future<T> result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                result = Future.failedFuture(e);
            }
            result.onComplete(outcome -> {
                if (Vertx.currentContext() == context) {
                    promise.handle(outcome);
                } else {
                    context.runOnContext(x -> promise.handle(outcome));
                }
            });
        });
        return promise.future();
    }

    private final class Loads implements ReloadQueue.Loader {
        @Override
        public Future<Void> loadTenant(String slug) {
            return onContext(() -> options.store().loadTenant(slug)
                    .compose(found -> vertx.executeBlocking(() -> Reconciliation.ofTenant(current, slug, found),
                            false)))
                    .map(result -> {
                        publish(result);
                        return null;
                    });
        }

        @Override
        public Future<Void> loadAll() {
            return onContext(() -> options.store().loadAll()
                    .compose(configs -> vertx.executeBlocking(() -> Reconciliation.of(current, configs), false)))
                    .map(result -> {
                        publish(result);
                        loaded = true;
                        return null;
                    });
        }

        @Override
        public long versionOf(String slug) {
            return current.tenant(slug).map(TenantSnapshot::configVersion).orElse(-1L);
        }
    }
}
