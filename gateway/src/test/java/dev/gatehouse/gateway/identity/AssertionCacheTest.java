package dev.gatehouse.gateway.identity;

import static dev.gatehouse.gateway.identity.KeyFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.config.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AssertionCacheTest {
    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    private static final AssertedIdentity ALICE = new AssertedIdentity("user-1", "alice@acme.test", List.of("eng"));

    private KeyFixture db;
    private Tenant acme;
    private TenantKeyRing ring;
    private AssertionCache cache;

    @BeforeEach
    void start() {
        db = new KeyFixture(START);
        acme = db.tenant("acme");
        ring = db.ring(acme);
        cache = new AssertionCache(new IdentityAssertionSigner(db.clock), db.clock, AssertionCache.Options.DEFAULTS);
    }

    @AfterEach
    void stop() {
        db.close();
    }

    @Test
    void sameTokenUntilAMinuteBeforeExpiryThenANewOne() {
        SignedAssertion first = cache.assertion("session-1", "app.acme.test", ring, ALICE);
        assertThat(first.expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));

        db.clock.advance(Duration.ofMinutes(4).minusMillis(1));
        assertThat(cache.assertion("session-1", "app.acme.test", ring, ALICE)).isSameAs(first);

        db.clock.advance(Duration.ofMillis(1));
        SignedAssertion renewed = cache.assertion("session-1", "app.acme.test", ring, ALICE);
        assertThat(renewed.token()).isNotEqualTo(first.token());
        assertThat(renewed.issuedAt()).isEqualTo(START.plus(Duration.ofMinutes(4)));
        assertThat(cache.assertion("session-1", "app.acme.test", ring, ALICE)).isSameAs(renewed);
        assertThat(JwksVerifier.verifies(renewed.token(), ring.jwks(db.clock.instant()).json())).isTrue();
    }

    @Test
    void eachSessionHostnameKeyAndIdentityGetsItsOwn() {
        SignedAssertion base = cache.assertion("session-1", "app.acme.test", ring, ALICE);
        assertThat(cache.assertion("session-2", "app.acme.test", ring, ALICE).token()).isNotEqualTo(base.token());
        assertThat(cache.assertion("session-1", "docs.acme.test", ring, ALICE).token()).isNotEqualTo(base.token());
        assertThat(cache.assertion("session-1", "APP.acme.test", ring, ALICE)).isSameAs(base);
        AssertedIdentity regrouped = new AssertedIdentity("user-1", "alice@acme.test", List.of("eng", "ops"));
        assertThat(cache.assertion("session-1", "app.acme.test", ring, regrouped).token()).isNotEqualTo(base.token());

        await(db.keys.rotate(acme.id(), "operator"));
        TenantKeyRing rotated = db.ring(acme);
        SignedAssertion afterRotation = cache.assertion("session-1", "app.acme.test", rotated, ALICE);
        assertThat(afterRotation.kid()).isEqualTo(rotated.activeKid()).isNotEqualTo(base.kid());
    }

    @Test
    void staysWithinItsBound() {
        AssertionCache small = new AssertionCache(new IdentityAssertionSigner(db.clock), db.clock,
                new AssertionCache.Options(5, Duration.ofMinutes(1)));
        SignedAssertion[] first = new SignedAssertion[40];
        for (int i = 0; i < 40; i++) {
            first[i] = small.assertion("session-" + i, "app.acme.test", ring, ALICE);
            assertThat(small.size()).isLessThanOrEqualTo(5);
        }
        assertThat(small.assertion("session-39", "app.acme.test", ring, ALICE)).isSameAs(first[39]);
    }

    @Test
    void renewalMustComeBeforeExpiry() {
        IdentityAssertionSigner twoMinutes = new IdentityAssertionSigner(db.clock, Duration.ofMinutes(2));
        assertThatThrownBy(() -> new AssertionCache(twoMinutes, db.clock,
                new AssertionCache.Options(10, Duration.ofMinutes(2)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AssertionCache.Options(0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
