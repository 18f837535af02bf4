package dev.gatehouse.gateway.authn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import dev.gatehouse.core.config.Idp;
import dev.gatehouse.core.config.TenantConfig;
import dev.gatehouse.gateway.session.Session;
import dev.gatehouse.gateway.session.SessionStore;
import dev.gatehouse.gateway.session.SessionTokens;
import dev.gatehouse.gateway.session.SessionUser;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a session's identity current. When its ID token has expired, the primary session (the one holding the
 * refresh token) refreshes at the identity provider; a handed-off session copies its primary's fresh identity. A
 * refused refresh, another subject, or a primary that is gone ends the whole login. Concurrent refreshes of one
 * session on this node share a single call to the provider; each waiting request continues on its own context.
 */
final class SessionRefresher {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRefresher.class);
    private static final Duration REFRESH_WITHOUT_ID_TOKEN = Duration.ofHours(1);

    private final SessionStore sessions;
    private final OidcClients clients;
    private final Clock clock;
    private final Map<String, Future<Optional<Session>>> inFlight = new ConcurrentHashMap<>();

    SessionRefresher(SessionStore sessions, OidcClients clients, Clock clock) {
        this.sessions = sessions;
        this.clients = clients;
        this.clock = clock;
    }

    /** The session, refreshed if due; empty when its login has ended. */
    Future<Optional<Session>> ensureFresh(Session session, TenantConfig tenant) {
        Instant refreshAt = session.tokens().refreshAt();
        if (refreshAt == null || clock.instant().isBefore(refreshAt)) {
            return Future.succeededFuture(Optional.of(session));
        }
        return once(session.id(), () -> session.isPrimary()
                ? refreshPrimary(session, tenant)
                : followPrimary(session, tenant));
    }

    private Future<Optional<Session>> followPrimary(Session session, TenantConfig tenant) {
        return sessions.get(session.tenantId(), session.primaryId())
                .compose(primary -> primary.isPresent()
                        ? ensureFresh(primary.get(), tenant)
                        : Future.succeededFuture(Optional.<Session>empty()))
                .compose(primary -> {
                    if (primary.isEmpty()) {
                        return sessions.remove(session.id()).map(removed -> Optional.<Session>empty());
                    }
                    Session copied = session.withIdentity(primary.get().user(),
                            primary.get().tokens().withoutRefreshToken());
                    return stillStored(copied);
                });
    }

    private Future<Optional<Session>> refreshPrimary(Session session, TenantConfig tenant) {
        String refreshToken = session.tokens().refreshToken();
        if (refreshToken == null) {
            Session unchanged = session.withIdentity(session.user(),
                    new SessionTokens(session.tokens().idToken(), null, null));
            return stillStored(unchanged);
        }
        Optional<Idp> idp = AuthnContext.idp(tenant, session.idpName());
        if (idp.isEmpty()) {
            return endLogin(session, "its identity provider is no longer configured");
        }
        return clients.get(idp.get())
                .compose(client -> client.refresh(refreshToken)
                        .compose(tokens -> refreshed(session, idp.get(), client, tokens)))
                .compose(this::stillStored)
                .recover(error -> endLogin(session, error.getMessage()));
    }

    private Future<Session> refreshed(Session session, Idp idp, OidcClient client, IdpTokens tokens) {
        String keptRefreshToken = tokens.refreshToken() != null ? tokens.refreshToken() : session.tokens().refreshToken();
        if (tokens.idToken() == null) {
            Instant next = clock.instant().plus(tokens.expiresIn() != null
                    ? Duration.ofSeconds(tokens.expiresIn())
                    : REFRESH_WITHOUT_ID_TOKEN);
            return Future.succeededFuture(session.withIdentity(session.user(),
                    new SessionTokens(session.tokens().idToken(), keptRefreshToken, next)));
        }
        return client.verifier().verify(tokens.idToken(), null).map(verified -> {
            if (!session.user().sub().equals(verified.subject())) {
                throw new TokenRejected("the refreshed ID token names another subject");
            }
            SessionUser user = ClaimSelection.select(verified.claims(), idp.groupsClaim());
            return session.withIdentity(user, new SessionTokens(tokens.idToken(), keptRefreshToken,
                    verified.expiresAt()));
        });
    }

    /** Stores the refreshed session unless its login ended meanwhile (signed out or revoked by an admin). */
    private Future<Optional<Session>> stillStored(Session refreshed) {
        return sessions.replace(refreshed).map(stored -> stored ? Optional.of(refreshed) : Optional.empty());
    }

    private Future<Optional<Session>> endLogin(Session session, String reason) {
        LOG.info("ending a login of tenant {} (IdP {}): refresh failed: {}", session.tenantId(), session.idpName(),
                reason);
        return sessions.removeLogin(session.tenantId(), session.loginId()).map(removed -> Optional.empty());
    }

    private Future<Optional<Session>> once(String sessionId, Supplier<Future<Optional<Session>>> refresh) {
        Promise<Optional<Session>> promise = Promise.promise();
        Future<Optional<Session>> running = inFlight.putIfAbsent(sessionId, promise.future());
        if (running != null) {
            return CallerContext.deliver(running);
        }
        Future<Optional<Session>> started;
        try {
            started = refresh.get();
        } catch (RuntimeException e) {
            started = Future.failedFuture(e);
        }
        started.onComplete(result -> {
            inFlight.remove(sessionId, promise.future());
            promise.handle(result);
        });
        return CallerContext.deliver(promise.future());
    }
}
