package dev.gatehouse.gateway.authn;

import dev.gatehouse.gateway.session.Session;
import dev.gatehouse.gateway.session.SessionStore;
import io.vertx.core.Future;

/**
 * A session store whose logins are ended just before a refreshed session is written back: what happens when an
 * admin revokes a sign-in while its refresh waits for the identity provider.
 */
final class RevokedMeanwhileStore extends ForwardingSessionStore {

    RevokedMeanwhileStore(SessionStore store) {
        super(store);
    }

    @Override
    public Future<Boolean> replace(Session session) {
        return store.removeLogin(session.tenantId(), session.loginId()).compose(removed -> store.replace(session));
    }
}
