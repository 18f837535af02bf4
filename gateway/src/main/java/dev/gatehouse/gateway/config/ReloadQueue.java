package dev.gatehouse.gateway.config;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs configuration loads one at a time and coalesces requests for them.
 *
 * <p>One at a time, so each load reads the database after the previous one did: results are applied in the order
 * they were read and the configuration never goes back in time. Requests that arrive while a load runs wait; all
 * waiting requests for one tenant become one load; a full load also answers every tenant request that was waiting
 * when it started (it reads their changes too). A tenant request whose version the tenant's snapshot already has
 * (an event older than, or as old as, what is served) completes without a load.
 *
 * <p>Not thread-safe: call it, and complete the loads' futures, on one thread (the registry's context).
 */
final class ReloadQueue {

    /** The loads the queue schedules; each applies its result before its future completes. */
    interface Loader {
        Future<Void> loadTenant(String slug);

        Future<Void> loadAll();

        /** The config version of the tenant's snapshot in force, or -1 when there is none. */
        long versionOf(String slug);
    }

    private final Loader loader;
    private final Map<String, PendingTenant> tenants = new LinkedHashMap<>();
    private Promise<Void> fullLoad;
    private boolean loading;
    private boolean draining;

    ReloadQueue(Loader loader) {
        this.loader = loader;
    }

    /** Asks for tenant {@code slug} at config version {@code version} or later; completes once served. */
    Future<Void> tenant(String slug, long version) {
        PendingTenant pending = tenants.computeIfAbsent(slug, s -> new PendingTenant());
        pending.version = Math.max(pending.version, version);
        Future<Void> served = pending.done.future();
        drain();
        return served;
    }

    /** Asks for every tenant; completes once a full load that started after this call is in force. */
    Future<Void> all() {
        if (fullLoad == null) {
            fullLoad = Promise.promise();
        }
        Future<Void> served = fullLoad.future();
        drain();
        return served;
    }

    private void drain() {
        if (draining) {
            return;
        }
        draining = true;
        try {
            while (!loading && (fullLoad != null || !tenants.isEmpty())) {
                startNext();
            }
        } finally {
            draining = false;
        }
    }

    private void startNext() {
        List<Promise<Void>> waiting = new ArrayList<>();
        if (fullLoad != null) {
            waiting.add(fullLoad);
            tenants.values().forEach(p -> waiting.add(p.done));
            fullLoad = null;
            tenants.clear();
            run(loader::loadAll, waiting);
            return;
        }
        Iterator<Map.Entry<String, PendingTenant>> first = tenants.entrySet().iterator();
        Map.Entry<String, PendingTenant> next = first.next();
        first.remove();
        String slug = next.getKey();
        waiting.add(next.getValue().done);
        if (next.getValue().version <= loader.versionOf(slug)) {
            next.getValue().done.complete();
            return;
        }
        run(() -> loader.loadTenant(slug), waiting);
    }

    private void run(Supplier<Future<Void>> load, List<Promise<Void>> waiting) {
        loading = true;
        Future<Void> result;
        try {
            result = load.get();
        } catch (RuntimeException e) {
            result = Future.failedFuture(e);
        }
        result.onComplete(outcome -> finished(outcome, waiting));
    }

    private void finished(AsyncResult<Void> outcome, List<Promise<Void>> waiting) {
        loading = false;
        waiting.forEach(p -> p.handle(outcome));
        drain();
    }

    private static final class PendingTenant {
        private final Promise<Void> done = Promise.promise();
        private long version = Long.MIN_VALUE;
    }
}
