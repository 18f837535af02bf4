package dev.gatehouse.gateway.identity;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The key rings of every tenant this node serves. Reads are lock-free map lookups; loads happen on change events.
 * Each load is numbered when it starts and installs only over older ones, so a slow reload that finishes after a
 * newer one (or after the tenant was removed) never brings back stale keys.
 */
public final class KeyRings {
    private record Installed(TenantKeyRing ring, long generation) {}

    private final KeyRingLoader loader;
    private final AtomicLong generations = new AtomicLong();
    private final ConcurrentHashMap<UUID, Installed> rings = new ConcurrentHashMap<>();

    public KeyRings(KeyRingLoader loader) {
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    /** The tenant's ring, or empty when it has not been loaded (or the tenant is gone). */
    public Optional<TenantKeyRing> get(UUID tenantId) {
        Installed installed = rings.get(tenantId);
        return installed == null ? Optional.empty() : Optional.ofNullable(installed.ring());
    }

    /**
     * Loads the rings of exactly these tenants (at start, or after the change listener reconnects); tenants not
     * listed, or whose keys fail to load, are dropped (their assertions fail closed).
     */
    public Future<Void> loadAll(Collection<UUID> tenantIds) {
        long generation = generations.incrementAndGet();
        return loader.loadAll(tenantIds).map(loaded -> {
            loaded.forEach((tenantId, ring) -> install(tenantId, ring, generation));
            rings.keySet().stream().filter(tenantId -> !loaded.containsKey(tenantId)).toList()
                    .forEach(tenantId -> install(tenantId, null, generation));
            return null;
        });
    }

    /** Reloads one tenant's ring (after a change event for it). */
    public Future<TenantKeyRing> reload(UUID tenantId) {
        long generation = generations.incrementAndGet();
        return loader.load(tenantId).map(ring -> {
            install(tenantId, ring, generation);
            return ring;
        });
    }

    /** Forgets a deleted tenant's ring; loads that started earlier will not bring it back. */
    public void remove(UUID tenantId) {
        install(tenantId, null, generations.incrementAndGet());
    }

    private void install(UUID tenantId, TenantKeyRing ring, long generation) {
        rings.compute(tenantId, (id, current) -> current != null && current.generation() > generation
                ? current : new Installed(ring, generation));
    }
}
