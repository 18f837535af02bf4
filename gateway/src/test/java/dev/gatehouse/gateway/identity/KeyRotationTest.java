package dev.gatehouse.gateway.identity;

import static dev.gatehouse.gateway.identity.KeyFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.config.Tenant;
import dev.gatehouse.core.crypto.SecretBox;
import dev.gatehouse.core.crypto.SecretBoxException;
import dev.gatehouse.core.store.SigningKey;
import dev.gatehouse.core.store.TenantGone;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Key rings over real rows: rotation, pruning by time, tenants without keys, and refusing bad rows. */
class KeyRotationTest {
    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    private static final AssertedIdentity ALICE = new AssertedIdentity("user-1", "alice@acme.test", List.of("eng"));

    private KeyFixture db;
    private IdentityAssertionSigner signer;

    @BeforeEach
    void start() {
        db = new KeyFixture(START);
        signer = new IdentityAssertionSigner(db.clock);
    }

    @AfterEach
    void stop() {
        db.close();
    }

    @Test
    void oldKidVerifiesUntilTheWindowPassesThenLeavesTheJwks() {
        Tenant acme = db.tenant("acme");
        TenantKeyRing before = db.ring(acme);
        SignedAssertion old = signer.sign(before, "app.acme.test", ALICE);

        db.clock.advance(Duration.ofMinutes(2));
        Instant rotatedAt = db.clock.instant();
        await(db.keys.rotate(acme.id(), "operator"));
        TenantKeyRing after = db.ring(acme);
        SignedAssertion fresh = signer.sign(after, "app.acme.test", ALICE);

        assertThat(after.activeKid()).isNotEqualTo(before.activeKid()).isEqualTo(fresh.kid());
        assertThat(JwksVerifier.verifies(old.token(), after.jwks(db.clock.instant()).json())).isTrue();
        assertThat(JwksVerifier.verifies(fresh.token(), after.jwks(db.clock.instant()).json())).isTrue();
        assertThat(JwksVerifier.verifies(fresh.token(), before.jwks(db.clock.instant()).json())).isFalse();

        Instant leaves = rotatedAt.plus(SigningKey.PUBLISHED_AFTER_RETIREMENT);
        assertThat(leaves).isEqualTo(rotatedAt.plus(Duration.ofMinutes(6)));
        assertThat(after.jwks(leaves.minusMillis(1)).validUntil()).isEqualTo(leaves);
        assertThat(JwksVerifier.verifies(old.token(), after.jwks(leaves.minusMillis(1)).json())).isTrue();
        // The same ring, with no reload, drops the old key once the window has passed.
        assertThat(after.jwks(leaves).json()).doesNotContain(before.activeKid());
        assertThat(JwksVerifier.verifies(old.token(), after.jwks(leaves).json())).isFalse();
        assertThat(JwksVerifier.verifies(fresh.token(), after.jwks(leaves).json())).isTrue();
        assertThat(after.jwks(leaves).validUntil()).isNull();

        db.clock.advance(SigningKey.PUBLISHED_AFTER_RETIREMENT);
        TenantKeyRing reloaded = db.ring(acme);
        assertThat(keyIds(reloaded.jwks(db.clock.instant()).json())).containsExactly(after.activeKid());
    }

    @Test
    void severalRetiredKeysLeaveOneByOneActiveFirstInTheJwks() {
        Tenant acme = db.tenant("acme");
        String k1 = db.ring(acme).activeKid();
        await(db.keys.rotate(acme.id(), "operator"));
        db.clock.advance(Duration.ofMinutes(2));
        String k2 = await(db.keys.ensureActive(acme.id())).kid();
        await(db.keys.rotate(acme.id(), "operator"));
        TenantKeyRing ring = db.ring(acme);
        String k3 = ring.activeKid();
        Instant now = db.clock.instant();

        assertThat(keyIds(ring.jwks(now).json())).containsExactly(k3, k2, k1);
        assertThat(keyIds(ring.jwks(now.plus(Duration.ofMinutes(4))).json())).containsExactly(k3, k2);
        assertThat(keyIds(ring.jwks(now.plus(Duration.ofMinutes(6))).json())).containsExactly(k3);
    }

    @Test
    void tenantsWithoutKeysGetOneWhenLoadedAloneOrAllTogether() {
        Tenant acme = db.tenant("acme");
        Tenant beta = db.tenant("beta");
        Tenant gamma = db.tenant("gamma");
        String acmeKid = db.ring(acme).activeKid();
        await(db.keys.rotate(beta.id(), "operator"));

        Map<java.util.UUID, TenantKeyRing> rings = await(db.loader.loadAll(List.of(acme.id(), beta.id(), gamma.id())));

        assertThat(rings).containsOnlyKeys(acme.id(), beta.id(), gamma.id());
        assertThat(rings.get(acme.id()).activeKid()).isEqualTo(acmeKid);
        assertThat(rings.values()).allSatisfy(ring -> assertThat(ring.jwks(db.clock.instant()).json())
                .contains(ring.activeKid()));
        assertThat(count("SELECT count(*) FROM signing_keys WHERE state = 'active'")).isEqualTo(3);
        assertThat(rings.get(gamma.id()).activeKid())
                .isEqualTo(await(db.keys.ensureActive(gamma.id())).kid());
    }

    @Test
    void aDeletedTenantHasNoRing() {
        Tenant acme = db.tenant("acme");
        db.ring(acme);
        await(db.store.deleteTenant(acme.id(), c -> io.vertx.core.Future.succeededFuture()));
        assertThatThrownBy(() -> db.ring(acme)).hasCauseInstanceOf(TenantGone.class);
        assertThat(count("SELECT count(*) FROM signing_keys")).isZero();
    }

    @Test
    void ringRefusesKeysItCannotTrust() {
        Tenant acme = db.tenant("acme");
        Tenant beta = db.tenant("beta");
        SigningKey active = await(db.keys.ensureActive(acme.id()));
        SigningKey betaKey = await(db.keys.ensureActive(beta.id()));

        assertThatThrownBy(() -> TenantKeyRing.of(acme.id(), List.of(active), new SecretBox(KeyFixture.randomKey())))
                .isInstanceOf(SecretBoxException.class);
        assertThatThrownBy(() -> TenantKeyRing.of(acme.id(), List.of(active, betaKey), db.secrets))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another tenant");
        assertThatThrownBy(() -> TenantKeyRing.of(acme.id(), List.of(), db.secrets))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 active");

        // A row whose public key was swapped for another (say, by someone with write access to the table).
        JsonObject foreignJwk = betaKey.publicJwk();
        await(db.pool.withConnection((SqlConnection c) -> c.preparedQuery(
                "UPDATE signing_keys SET public_jwk = $2 WHERE kid = $1").execute(Tuple.of(active.kid(), foreignJwk))));
        assertThatThrownBy(() -> db.ring(acme)).hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void oneTenantsBrokenKeyDoesNotKeepTheOthersFromLoading() {
        Tenant acme = db.tenant("acme");
        Tenant beta = db.tenant("beta");
        Tenant gamma = db.tenant("gamma");
        SigningKey acmeKey = await(db.keys.ensureActive(acme.id()));
        SigningKey betaKey = await(db.keys.ensureActive(beta.id()));
        await(db.pool.withConnection((SqlConnection c) -> c.preparedQuery(
                "UPDATE signing_keys SET private_key_sealed = $2 WHERE kid = $1")
                .execute(Tuple.of(acmeKey.kid(), io.vertx.core.buffer.Buffer.buffer(betaKey.privateKeySealed())))));

        Map<java.util.UUID, TenantKeyRing> rings = await(db.loader.loadAll(List.of(acme.id(), beta.id(), gamma.id())));

        assertThat(rings).containsOnlyKeys(beta.id(), gamma.id());
        assertThat(rings.get(beta.id()).activeKid()).isEqualTo(betaKey.kid());
    }

    private long count(String sql) {
        return await(db.pool.query(sql).execute()).iterator().next().getLong(0);
    }

    private static List<String> keyIds(String jwks) {
        return new JsonObject(jwks).getJsonArray("keys").stream()
                .map(k -> ((JsonObject) k).getString("kid")).toList();
    }
}
