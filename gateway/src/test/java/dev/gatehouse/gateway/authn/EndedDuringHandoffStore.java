package dev.gatehouse.gateway.authn;

import dev.gatehouse.gateway.session.Session;
import dev.gatehouse.gateway.session.SessionStore;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A session store that ends a sign-in right after one chosen session of it was read: what happens when a sign-out
 * or an admin revoke lands between a handoff reading its source session and storing the new one.
 */
final class EndedDuringHandoffStore extends ForwardingSessionStore {

    private final AtomicReference<String> endAfterReading = new AtomicReference<>();

    EndedDuringHandoffStore(SessionStore store) {
        super(store);
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
}
