package dev.gatehouse.gateway.authn;

import dev.gatehouse.gateway.session.Session;
import dev.gatehouse.gateway.session.SessionStore;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A session store that passes every call to another: test stores override only the call they interfere with. */
abstract class ForwardingSessionStore implements SessionStore {

    final SessionStore store;

    ForwardingSessionStore(SessionStore store) {
        this.store = store;
    }

    @Override
    public Future<Optional<Session>> get(UUID tenantId, String id) {
        return store.get(tenantId, id);
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
