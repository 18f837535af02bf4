package dev.gatehouse.gateway.identity;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The key rings of every tenant this node serves. Reads are lock-free map lookups; loads happen on change events
 * and, for a tenant whose ring is missing, when a request needs it ({@link #ready}).
 *
 * <p>A tenant's loads run one at a time: a reload asked for while one runs is done once after it, however many
 * were asked for (a burst of changes to one tenant costs two loads, not one per change, and holds at most one
 * database connection). Each load is numbered when it starts and installs only over older ones, so a load that
 * finishes after the tenant was removed, or after {@link #loadAll}, never brings back stale keys.
 */
public final class KeyRings {
    private record Installed(TenantKeyRing ring, long generation) {}

    /**
     * A tenant's load in progress; {@code again}, when set, is the load that follows it because a reload was asked
     * for meanwhile (a change may have committed after this one read). Guarded by the flights map.
     */
    private static final class Flight {
        final Promise<TenantKeyRing> done;
        Promise<TenantKeyRing> again;

        Flight(Promise<TenantKeyRing> done) {
            this.done = done;
        }
    }

    /** What asking for a load came to: the promise to wait on, and the flight to start if it is a new one. */
    private static final class Ticket {
        Promise<TenantKeyRing> result;
        Flight started;
    }

    private final KeyRingLoader loader;
    private final AtomicLong generations = new AtomicLong();
    private final ConcurrentHashMap<UUID, Installed> rings = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UUID, Flight> flights = new ConcurrentHashMap<>();

    public KeyRings(KeyRingLoader loader) {
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    /** The tenant's ring, or empty when it has not been loaded (or the tenant is gone). */
    public Optional<TenantKeyRing> get(UUID tenantId) {
        Installed installed = rings.get(tenantId);
        return installed == null ? Optional.empty() : Optional.ofNullable(installed.ring());
    }

    /**
     * The tenant's ring as soon as there is one: at once when it is loaded, else when the load in progress completes
     * (a tenant new to this node, whose first load started with its change event), starting a load if none runs (a
     * tenant whose last load failed). A request for a new tenant's hostname therefore waits for the keys instead of
     * being refused; the snapshot is not held back for them, so one tenant's slow keys never delay other tenants'
     * configuration. Fails when the keys cannot be loaded. Completes on the caller's context.
     */
    public Future<TenantKeyRing> ready(UUID tenantId) {
        Installed installed = rings.get(tenantId);
        if (installed != null && installed.ring() != null) {
            return Future.succeededFuture(installed.ring());
        }
        return onCallersContext(load(tenantId, false));
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

    /** Reloads one tenant's ring (after a change event for it); the ring returned was read after this call. */
    public Future<TenantKeyRing> reload(UUID tenantId) {
        return load(tenantId, true);
    }

    /** Forgets a deleted tenant's ring; loads that started earlier will not bring it back. */
    public void remove(UUID tenantId) {
        install(tenantId, null, generations.incrementAndGet());
    }

    /** Joins the tenant's load in progress ({@code fresh}: the one after it), or starts one when none runs. */
    private Future<TenantKeyRing> load(UUID tenantId, boolean fresh) {
        Ticket ticket = new Ticket();
        flights.compute(tenantId, (id, flight) -> {
            if (flight == null) {
                ticket.started = new Flight(Promise.promise());
                ticket.result = ticket.started.done;
                return ticket.started;
            }
            if (fresh && flight.again == null) {
                flight.again = Promise.promise();
            }
            ticket.result = fresh ? flight.again : flight.done;
            return flight;
        });
        if (ticket.started != null) {
            run(tenantId, ticket.started);
        }
        return ticket.result.future();
    }

    private void run(UUID tenantId, Flight flight) {
        long generation = generations.incrementAndGet();
        Future<TenantKeyRing> loading;
        try {
            loading = loader.load(tenantId);
        } catch (RuntimeException e) {
            loading = Future.failedFuture(e);
        }
        loading.onComplete(outcome -> {
            if (outcome.succeeded()) {
                install(tenantId, outcome.result(), generation);
            }
            Flight next = land(tenantId, flight);
            flight.done.handle(outcome);
            if (next != null) {
                run(tenantId, next);
            }
        });
    }

    /** Ends {@code flight}; returns the flight that follows it, if a reload was asked for meanwhile. */
    private Flight land(UUID tenantId, Flight flight) {
        Ticket ticket = new Ticket();
        flights.compute(tenantId, (id, current) -> {
            if (current != flight || flight.again == null) {
                return current == flight ? null : current;
            }
            ticket.started = new Flight(flight.again);
            return ticket.started;
        });
        return ticket.started;
    }

    private void install(UUID tenantId, TenantKeyRing ring, long generation) {
        rings.compute(tenantId, (id, current) -> current != null && current.generation() > generation
                ? current : new Installed(ring, generation));
    }

    /** A load completes on the database client's thread; a request continues on its own event loop. */
    private static <T> Future<T> onCallersContext(Future<T> future) {
        Context caller = Vertx.currentContext();
        if (caller == null) {
            return future;
        }
        Promise<T> delivered = Promise.promise();
        future.onComplete(outcome -> {
            if (Vertx.currentContext() == caller) {
                delivered.handle(outcome);
            } else {
                caller.runOnContext(v -> delivered.handle(outcome));
            }
        });
        return delivered.future();
    }
}
