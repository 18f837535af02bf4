package dev.gatehouse.gateway.authn;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.Future;

/** Used token ids of this node; each is forgotten once its token has expired and could no longer be used anyway. */
public final class InMemoryReplayGuard implements ReplayGuard {

    private final Map<String, Instant> used = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryReplayGuard(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Future<Boolean> firstUse(String id, Instant expiresAt) {
        return Future.succeededFuture(used.putIfAbsent(id, expiresAt) == null);
    }

    @Override
    public Future<Integer> evictExpired() {
        Instant now = clock.instant();
        int before = used.size();
        used.values().removeIf(expiry -> expiry.isBefore(now));
        return Future.succeededFuture(Math.max(0, before - used.size()));
    }
}
