package dev.gatehouse.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

class InMemorySessionStoreTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID OTHER_TENANT = UUID.randomUUID();

    private final TestClock clock = new TestClock();
    private final SessionLifetimes lifetimes = new SessionLifetimes(Duration.ofMinutes(30), Duration.ofHours(8));
    private final InMemorySessionStore store = new InMemorySessionStore(clock, lifetimes);

    @Test
    void findsASessionOnlyForItsOwnTenant() {
        Session session = session(TENANT, "login-1", "alice");
        await(store.put(session));

        assertThat(await(store.get(TENANT, session.id()))).contains(session);
        assertThat(await(store.get(OTHER_TENANT, session.id()))).isEmpty();
        assertThat(await(store.get(TENANT, Session.newId()))).isEmpty();
    }

    @Test
    void idleSessionsExpireAndActivityKeepsThemAlive() {
        Session session = session(TENANT, "login-1", "alice");
        await(store.put(session));

        clock.advance(Duration.ofMinutes(20));
        assertThat(await(store.get(TENANT, session.id()))).isPresent();
        clock.advance(Duration.ofMinutes(20));
        assertThat(await(store.get(TENANT, session.id()))).as("seen 20 minutes ago").isPresent();
        clock.advance(Duration.ofMinutes(31));
        assertThat(await(store.get(TENANT, session.id()))).as("idle for 31 minutes").isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    void activityNeverOutlivesTheAbsoluteLifetime() {
        Session session = session(TENANT, "login-1", "alice");
        await(store.put(session));

        for (int i = 0; i < 16; i++) {
            clock.advance(Duration.ofMinutes(29));
            assertThat(await(store.get(TENANT, session.id()))).isPresent();
        }
        clock.advance(Duration.ofMinutes(29));
        assertThat(await(store.get(TENANT, session.id()))).as("8h16m after sign-in").isEmpty();
    }

    @Test
    void removesEveryHostnameSessionOfOneLoginAndNothingElse() {
        Session primary = session(TENANT, "login-1", "alice");
        Session handedOff = session(TENANT, "login-1", "alice");
        Session otherLogin = session(TENANT, "login-2", "alice");
        Session otherTenant = session(OTHER_TENANT, "login-1", "alice");
        List.of(primary, handedOff, otherLogin, otherTenant).forEach(s -> await(store.put(s)));

        assertThat(await(store.removeLogin(TENANT, "login-1"))).isEqualTo(2);

        assertThat(await(store.get(TENANT, primary.id()))).isEmpty();
        assertThat(await(store.get(TENANT, handedOff.id()))).isEmpty();
        assertThat(await(store.get(TENANT, otherLogin.id()))).isPresent();
        assertThat(await(store.get(OTHER_TENANT, otherTenant.id()))).isPresent();
    }

    @Test
    void removesEverySessionOfOneUser() {
        Session alice1 = session(TENANT, "login-1", "alice");
        Session alice2 = session(TENANT, "login-2", "alice");
        Session bob = session(TENANT, "login-3", "bob");
        List.of(alice1, alice2, bob).forEach(s -> await(store.put(s)));

        assertThat(await(store.removeAllForUser(TENANT, "main", "alice"))).isEqualTo(2);
        assertThat(await(store.get(TENANT, bob.id()))).isPresent();
        assertThat(await(store.get(TENANT, alice2.id()))).isEmpty();
    }

    @Test
    void listsTheLiveSessionsOfOneTenantWithoutTouchingThem() {
        Session idle = session(TENANT, "login-1", "alice");
        await(store.put(idle));
        clock.advance(Duration.ofMinutes(20));
        Session active = session(TENANT, "login-2", "bob");
        Session otherTenant = session(OTHER_TENANT, "login-3", "carol");
        List.of(active, otherTenant).forEach(s -> await(store.put(s)));

        assertThat(await(store.listTenant(TENANT))).containsExactlyInAnyOrder(idle, active);
        assertThat(await(store.listTenant(OTHER_TENANT))).containsExactly(otherTenant);

        clock.advance(Duration.ofMinutes(11));
        assertThat(await(store.listTenant(TENANT))).as("listing is no activity: the first one went idle")
                .containsExactly(active);
    }

    @Test
    void replacingASessionThatWasRemovedDoesNotBringItBack() {
        Session session = session(TENANT, "login-1", "alice");
        await(store.put(session));
        Session refreshed = session.withIdentity(new SessionUser("alice", null, List.of("admins"), Map.of()),
                session.tokens());

        assertThat(await(store.replace(refreshed))).isTrue();
        assertThat(await(store.get(TENANT, session.id()))).contains(refreshed);
        await(store.removeLogin(TENANT, "login-1"));
        assertThat(await(store.replace(refreshed))).isFalse();
        assertThat(await(store.get(TENANT, session.id()))).isEmpty();
    }

    @Test
    void aHandedOffSessionIsStoredOnlyWhileItsPrimaryLives() {
        Session primary = session(TENANT, "login-1", "alice");
        await(store.put(primary));
        Session handedOff = handedOff(primary);

        assertThat(await(store.putWhileLoginLives(handedOff))).isTrue();
        assertThat(await(store.get(TENANT, handedOff.id()))).contains(handedOff);
        await(store.removeLogin(TENANT, "login-1"));
        Session late = handedOff(primary);
        assertThat(await(store.putWhileLoginLives(late))).isFalse();
        assertThat(await(store.get(TENANT, late.id()))).isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    void evictionDropsOnlyExpiredSessions() {
        Session old = session(TENANT, "login-1", "alice");
        await(store.put(old));
        clock.advance(Duration.ofMinutes(31));
        Session fresh = session(TENANT, "login-2", "bob");
        await(store.put(fresh));

        assertThat(await(store.evictExpired())).isEqualTo(1);
        assertThat(store.size()).isEqualTo(1);
        assertThat(await(store.get(TENANT, fresh.id()))).isPresent();
    }

    @Test
    void textNeverShowsTheIdOrTokens() {
        Session session = session(TENANT, "login-1", "alice");
        assertThat(session.toString()).doesNotContain(session.id()).doesNotContain("secret-id-token")
                .doesNotContain("secret-refresh");
    }

    private Session session(UUID tenant, String loginId, String sub) {
        Instant now = clock.instant();
        return new Session(Session.newId(), loginId, null, tenant, "main",
                new SessionUser(sub, sub + "@example.com", List.of("staff"), Map.of("name", sub)),
                new SessionTokens("secret-id-token", "secret-refresh", null), now, now,
                now.plus(lifetimes.absolute()));
    }

    private Session handedOff(Session primary) {
        Instant now = clock.instant();
        return new Session(Session.newId(), primary.loginId(), primary.id(), primary.tenantId(), primary.idpName(),
                primary.user(), primary.tokens().withoutRefreshToken(), now, now, primary.expiresAt(), "docs.test");
    }

    private static <T> T await(Future<T> future) {
        assertThat(future.isComplete()).as("in-memory futures complete at once").isTrue();
        if (future.failed()) {
            throw new AssertionError(future.cause());
        }
        return future.result();
    }
}
