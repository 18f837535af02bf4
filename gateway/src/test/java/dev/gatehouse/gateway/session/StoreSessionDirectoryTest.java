package dev.gatehouse.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.gatehouse.core.session.SignIn;
import dev.gatehouse.core.session.SignInHandle;
import dev.gatehouse.core.store.Page;
import dev.gatehouse.core.store.PageRequest;
import dev.gatehouse.testkit.MutableClock;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

class StoreSessionDirectoryTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID OTHER_TENANT = UUID.randomUUID();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final SessionLifetimes lifetimes = new SessionLifetimes(Duration.ofMinutes(30), Duration.ofHours(8));
    private final InMemorySessionStore store = new InMemorySessionStore(clock, lifetimes);
    private final StoreSessionDirectory directory = new StoreSessionDirectory(store);

    @Test
    void aLoginOnSeveralHostnamesIsOneSignInWithTheIdentityOfItsPrimary() {
        Session primary = primary(TENANT, "alice", "app.acme.test");
        clock.advance(Duration.ofMinutes(2));
        Session docs = handedOff(primary, "docs.acme.test");
        // The handed-off session still has the identity from before the primary's refresh.
        Session refreshedPrimary = primary.withIdentity(user("alice", "staff", "admins"), primary.tokens());
        List.of(refreshedPrimary, docs).forEach(s -> await(store.put(s)));

        List<SignIn> items = await(directory.list(TENANT, Optional.empty(), PageRequest.first(10))).items();

        assertThat(items).containsExactly(new SignIn(SignInHandle.of(primary.loginId()), "main", "alice",
                "alice@example.com", "Alice Example", List.of("staff", "admins"), primary.createdAt(),
                docs.lastSeenAt(), primary.expiresAt(), List.of("app.acme.test", "docs.acme.test"), 2));
        assertThat(items.get(0).toString()).doesNotContain(primary.id(), docs.id(), primary.loginId());
        assertThat(await(directory.find(TENANT, handle(primary)))).contains(items.get(0));
    }

    @Test
    void aSignInWhosePrimaryEndedStillShowsAndSessionsWithoutHostnamesCount() {
        Session primary = primary(TENANT, "alice", "app.acme.test");
        Session docs = handedOff(primary, "docs.acme.test");
        Session unknownHost = new Session(Session.newId(), primary.loginId(), primary.id(), TENANT, "main",
                primary.user(), SessionTokens.NONE, clock.instant(), clock.instant(), primary.expiresAt());
        List.of(docs, unknownHost).forEach(s -> await(store.put(s)));

        SignIn signIn = await(directory.list(TENANT, Optional.empty(), PageRequest.first(10))).items().get(0);

        assertThat(signIn.hostnames()).containsExactly("docs.acme.test");
        assertThat(signIn.sessions()).isEqualTo(2);
        assertThat(signIn.sub()).isEqualTo("alice");
    }

    @Test
    void filtersByUserAndPagesNewestFirst() {
        Session alice = primary(TENANT, "alice", "app.acme.test");
        clock.advance(Duration.ofSeconds(1));
        Session bob = primary(TENANT, "bob", "app.acme.test");
        clock.advance(Duration.ofSeconds(1));
        Session aliceAgain = primary(TENANT, "alice", "app.acme.test");
        List.of(alice, bob, aliceAgain, primary(OTHER_TENANT, "alice", "app.other.test")).forEach(s -> await(store.put(s)));

        Page<SignIn> first = await(directory.list(TENANT, Optional.empty(), PageRequest.first(2)));
        Page<SignIn> second = await(directory.list(TENANT, Optional.empty(), new PageRequest(2, first.next())));
        assertThat(handles(first.items())).containsExactly(handle(aliceAgain), handle(bob));
        assertThat(handles(second.items())).containsExactly(handle(alice));
        assertThat(second.next()).isNull();

        assertThat(handles(await(directory.list(TENANT, Optional.of("alice@example.com"), PageRequest.first(10)))
                .items())).containsExactly(handle(aliceAgain), handle(alice));
        assertThat(handles(await(directory.list(TENANT, Optional.of("bob"), PageRequest.first(10))).items()))
                .containsExactly(handle(bob));
    }

    @Test
    void revokingAHandleEndsEverySessionOfThatLoginOnly() {
        Session primary = primary(TENANT, "alice", "app.acme.test");
        Session docs = handedOff(primary, "docs.acme.test");
        Session otherLogin = primary(TENANT, "alice", "app.acme.test");
        List.of(primary, docs, otherLogin).forEach(s -> await(store.put(s)));

        Optional<SignIn> ended = await(directory.revoke(TENANT, handle(primary)));

        assertThat(ended).map(SignIn::sessions).contains(2);
        assertThat(await(store.get(TENANT, primary.id()))).isEmpty();
        assertThat(await(store.get(TENANT, docs.id()))).isEmpty();
        assertThat(await(store.get(TENANT, otherLogin.id()))).isPresent();
        assertThat(await(directory.revoke(TENANT, handle(primary)))).isEmpty();
    }

    @Test
    void anotherTenantsHandleFindsNothingAndEndsNothing() {
        Session foreign = primary(OTHER_TENANT, "alice", "app.other.test");
        await(store.put(foreign));

        assertThat(await(directory.find(TENANT, handle(foreign)))).isEmpty();
        assertThat(await(directory.revoke(TENANT, handle(foreign)))).isEmpty();
        assertThat(await(directory.revokeUser(TENANT, "alice"))).isEmpty();
        assertThat(await(store.get(OTHER_TENANT, foreign.id()))).isPresent();
    }

    @Test
    void revokingAUserEndsTheirSignInsBySubjectOrEmail() {
        Session alice = primary(TENANT, "alice", "app.acme.test");
        Session aliceDocs = handedOff(alice, "docs.acme.test");
        Session aliceAgain = primary(TENANT, "alice", "app.acme.test");
        Session bob = primary(TENANT, "bob", "app.acme.test");
        List.of(alice, aliceDocs, aliceAgain, bob).forEach(s -> await(store.put(s)));

        List<SignIn> ended = await(directory.revokeUser(TENANT, "alice@example.com"));

        assertThat(handles(ended)).containsExactlyInAnyOrder(handle(alice), handle(aliceAgain));
        assertThat(await(store.listTenant(TENANT))).containsExactly(bob);
        assertThat(await(directory.revokeUser(TENANT, "bob"))).hasSize(1);
        assertThat(store.size()).isZero();
    }

    private Session primary(UUID tenant, String sub, String hostname) {
        Instant now = clock.instant();
        return new Session(Session.newId(), Session.newId(), null, tenant, "main", user(sub, "staff"),
                new SessionTokens("id-token", "refresh-token", null), now, now, now.plus(lifetimes.absolute()),
                hostname);
    }

    private Session handedOff(Session primary, String hostname) {
        Instant now = clock.instant();
        return new Session(Session.newId(), primary.loginId(), primary.id(), primary.tenantId(), primary.idpName(),
                primary.user(), primary.tokens().withoutRefreshToken(), now, now, primary.expiresAt(), hostname);
    }

    private static SessionUser user(String sub, String... groups) {
        String name = Character.toUpperCase(sub.charAt(0)) + sub.substring(1) + " Example";
        return new SessionUser(sub, sub + "@example.com", List.of(groups), Map.of("name", name, "dept", "eng"));
    }

    private static String handle(Session session) {
        return SignInHandle.of(session.loginId());
    }

    private static List<String> handles(List<SignIn> signIns) {
        return signIns.stream().map(SignIn::handle).toList();
    }

    private static <T> T await(Future<T> future) {
        assertThat(future.isComplete()).as("in-memory futures complete at once").isTrue();
        if (future.failed()) {
            throw new AssertionError(future.cause());
        }
        return future.result();
    }
}
