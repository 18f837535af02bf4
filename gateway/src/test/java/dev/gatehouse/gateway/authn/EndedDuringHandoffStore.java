package dev.gatehouse.gateway.authn;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import dev.gatehouse.gateway.session.Session;
import dev.gatehouse.gateway.session.SessionStore;
import io.vertx.core.Future;

/**
 * A session store that ends a sign-in right after one chosen session of it was read: what happens when a sign-out
 * or an admin revoke lands between a handoff reading its source session and storing the new one.
 */
final class EndedDuringHandoffStore implements SessionStore {

    private final SessionStore store;
    private final AtomicReference<String> endAfterReading = new AtomicReference<>();

    EndedDuringHandoffStore(SessionStore store) {
        this.store = store;
    }

    /** The next read of this session returns it and then ends its sign-in. */
    void endLoginAfterReading(String sessionId) {
        endAfterReading.set(sessionId);
    }

    @Override
    public Future<Optional<Session>> get(UUID tenantId, String id) {
        return store.get(tenantId, id).compose(found -> {
            String armed = endAfterReading.get();
            if (found.isPresent() && id.equals(armed) && endAfterReading.compareAndSet(armed, null)) {
                return store.removeLogin(tenantId, found.get().loginId()).map(removed -> found);
            }
            return Future.succeededFuture(found);
        });
    }

    @Override
    public Future<Void> put(Session session) {
        return store.put(session);
    }

    @Override
    public Future<Boolean> putWhileLoginLives(Session session) {
        return store.putWhileLoginLives(session);
    }

    @Override
    public Future<Boolean> replace(Session session) {
        return store.replace(session);
    }

    @Override
    public Future<Boolean> remove(String id) {
        return store.remove(id);
    }

    @Override
    public Future<Integer> removeLogin(UUID tenantId, String loginId) {
        return store.removeLogin(tenantId, loginId);
    }

    @Override
    public Future<Integer> removeAllForUser(UUID tenantId, String idpName, String sub) {
        return store.removeAllForUser(tenantId, idpName, sub);
    }

    @Override
    public Future<List<Session>> listTenant(UUID tenantId) {
        return store.listTenant(tenantId);
    }

    @Override
    public Future<Integer> evictExpired() {
        return store.evictExpired();
    }
}
