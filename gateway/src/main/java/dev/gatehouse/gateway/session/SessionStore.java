package dev.gatehouse.gateway.session;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.vertx.core.Future;

/**
 * Where sessions live. Future-based so a cluster-wide implementation (a Hazelcast map) can replace the in-memory
 * one; implementations enforce the idle and absolute lifetimes and never return an expired session.
 */
public interface SessionStore {

    /**
     * The live session with this id, when it belongs to this tenant: a session id presented on another tenant's
     * hostname finds nothing. A hit counts as activity for the idle lifetime.
     */
    Future<Optional<Session>> get(UUID tenantId, String id);

    /** Adds or replaces the session with this id. */
    Future<Void> put(Session session);

    /**
     * Adds a handed-off session only while its sign-in lives: the primary session it points at is still stored, so
     * a handoff racing a sign-out or an admin revoke of that sign-in cannot leave a session of it behind.
     *
     * @return whether the session is stored
     */
    Future<Boolean> putWhileLoginLives(Session session);

    /**
     * Replaces the session with this id only while it is still stored, so a write that follows a slow step (a
     * refresh at the identity provider) cannot bring back a session that was ended meanwhile.
     *
     * @return whether it was still stored (and is now replaced)
     */
    Future<Boolean> replace(Session session);

    /** @return whether a session was removed */
    Future<Boolean> remove(String id);

    /** Removes every session of one sign-in, on every hostname of the tenant. @return how many */
    Future<Integer> removeLogin(UUID tenantId, String loginId);

    /** Removes every session of one user of one identity provider of a tenant. @return how many */
    Future<Integer> removeAllForUser(UUID tenantId, String idpName, String sub);

    /**
     * Every live session of one tenant, for the admin API's session list: off the request path, so it may walk the
     * store; it counts as activity for none of them.
     */
    Future<List<Session>> listTenant(UUID tenantId);

    /** Drops expired sessions (a store that expires entries by itself may do nothing). @return how many */
    Future<Integer> evictExpired();
}
