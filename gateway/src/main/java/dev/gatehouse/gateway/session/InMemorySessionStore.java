package dev.gatehouse.gateway.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import io.vertx.core.Future;

/**
 * Sessions of this node in a concurrent map (no locks on the request path). Expired sessions are dropped when
 * looked up and by {@link #evictExpired()}.
 */
public final class InMemorySessionStore implements SessionStore {

    /** Last-seen times move in steps, so most lookups write nothing (a cluster store pays for every write). */
    private static final Duration TOUCH_STEP = Duration.ofSeconds(30);

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final SessionLifetimes lifetimes;

    public InMemorySessionStore(Clock clock, SessionLifetimes lifetimes) {
        this.clock = clock;
        this.lifetimes = lifetimes;
    }

    @Override
    public Future<Optional<Session>> get(UUID tenantId, String id) {
        if (id == null) {
            return Future.succeededFuture(Optional.empty());
        }
        Session session = sessions.get(id);
        if (session == null || !session.tenantId().equals(tenantId)) {
            return Future.succeededFuture(Optional.empty());
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            sessions.remove(id, session);
            return Future.succeededFuture(Optional.empty());
        }
        if (session.lastSeenAt().plus(TOUCH_STEP).isBefore(now)) {
            Session touched = session.seenAt(now);
            sessions.replace(id, session, touched);
            session = touched;
        }
        return Future.succeededFuture(Optional.of(session));
    }

    @Override
    public Future<Void> put(Session session) {
        sessions.put(session.id(), session);
        return Future.succeededFuture();
    }

    /**
     * Stores first, then looks for the primary: a {@link #removeLogin} walking meanwhile either removed the primary
     * before this look (so the session is taken back here) or has not yet, and then its second walk finds it.
     */
    @Override
    public Future<Boolean> putWhileLoginLives(Session session) {
        sessions.put(session.id(), session);
        Session primary = sessions.get(session.primaryOrSelf());
        if (primary != null && primary.loginId().equals(session.loginId())
                && primary.tenantId().equals(session.tenantId())) {
            return Future.succeededFuture(true);
        }
        sessions.remove(session.id(), session);
        return Future.succeededFuture(false);
    }

    @Override
    public Future<Boolean> replace(Session session) {
        return Future.succeededFuture(sessions.replace(session.id(), session) != null);
    }

    @Override
    public Future<Boolean> remove(String id) {
        return Future.succeededFuture(id != null && sessions.remove(id) != null);
    }

    /**
     * Walks twice: a handoff that stored its session behind the first walk's position still saw the primary, so
     * it stored before the first walk ended and the second walk finds it (see {@link #putWhileLoginLives}).
     */
    @Override
    public Future<Integer> removeLogin(UUID tenantId, String loginId) {
        Predicate<Session> ofLogin = s -> s.tenantId().equals(tenantId) && s.loginId().equals(loginId);
        return removeWhere(ofLogin).compose(first -> removeWhere(ofLogin).map(second -> first + second));
    }

    @Override
    public Future<Integer> removeAllForUser(UUID tenantId, String idpName, String sub) {
        return removeWhere(s -> s.tenantId().equals(tenantId) && s.idpName().equals(idpName)
                && s.user().sub().equals(sub));
    }

    /** Walks every session of the node (weakly consistent: sessions added or removed meanwhile may be missed). */
    @Override
    public Future<List<Session>> listTenant(UUID tenantId) {
        Instant now = clock.instant();
        List<Session> live = new ArrayList<>();
        for (Session session : sessions.values()) {
            if (session.tenantId().equals(tenantId) && !expired(session, now)) {
                live.add(session);
            }
        }
        return Future.succeededFuture(live);
    }

    @Override
    public Future<Integer> evictExpired() {
        Instant now = clock.instant();
        return removeWhere(s -> expired(s, now));
    }

    public int size() {
        return sessions.size();
    }

    /**
     * Tests and removes each entry atomically: a remove of the value the walk saw would miss a session that a
     * concurrent lookup had just replaced with its touched copy, and a revoked session would live on.
     */
    private Future<Integer> removeWhere(Predicate<Session> condition) {
        AtomicInteger removed = new AtomicInteger();
        for (String id : sessions.keySet()) {
            sessions.computeIfPresent(id, (key, session) -> {
                if (!condition.test(session)) {
                    return session;
                }
                removed.incrementAndGet();
                return null;
            });
        }
        return Future.succeededFuture(removed.get());
    }

    private boolean expired(Session session, Instant now) {
        return !now.isBefore(session.expiresAt()) || !now.isBefore(session.lastSeenAt().plus(lifetimes.idle()));
    }
}
