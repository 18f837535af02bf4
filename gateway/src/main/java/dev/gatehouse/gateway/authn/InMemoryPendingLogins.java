package dev.gatehouse.gateway.authn;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.Future;

/** Sign-ins in flight on this node, at most {@code capacity} of them (anyone can start one, so they are bounded). */
public final class InMemoryPendingLogins implements PendingLogins {

    public static final int DEFAULT_CAPACITY = 100_000;

    private final Map<String, PendingLogin> logins = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int capacity;

    public InMemoryPendingLogins(Clock clock, int capacity) {
        this.clock = clock;
        this.capacity = capacity;
    }

    @Override
    public Future<Void> put(PendingLogin login) {
        if (logins.size() >= capacity) {
            evictExpired();
            if (logins.size() >= capacity) {
                return Future.failedFuture(new IllegalStateException("too many sign-ins in progress"));
            }
        }
        logins.put(login.state(), login);
        return Future.succeededFuture();
    }

    @Override
    public Future<Optional<PendingLogin>> take(String state) {
        PendingLogin login = state == null ? null : logins.remove(state);
        if (login == null || !clock.instant().isBefore(login.expiresAt())) {
            return Future.succeededFuture(Optional.empty());
        }
        return Future.succeededFuture(Optional.of(login));
    }

    @Override
    public Future<Integer> evictExpired() {
        int before = logins.size();
        logins.values().removeIf(login -> !clock.instant().isBefore(login.expiresAt()));
        return Future.succeededFuture(Math.max(0, before - logins.size()));
    }
}
