package dev.gatehouse.gateway.identity;

import static dev.gatehouse.gateway.identity.KeyFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.config.Tenant;
import io.vertx.core.Future;
import io.vertx.pgclient.PgConnection;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeyRingsTest {
    private KeyFixture db;
    private KeyRings rings;

    @BeforeEach
    void start() {
        db = new KeyFixture(Instant.parse("2026-11-23T10:00:00Z"));
        rings = new KeyRings(db.loader);
    }

    @AfterEach
    void stop() {
        db.close();
    }

    @Test
    void loadAllThenReloadOneAfterARotation() {
        Tenant acme = db.tenant("acme");
        Tenant beta = db.tenant("beta");
        await(rings.loadAll(List.of(acme.id(), beta.id())));
        String acmeKid = rings.get(acme.id()).orElseThrow().activeKid();
        String betaKid = rings.get(beta.id()).orElseThrow().activeKid();

        await(db.keys.rotate(acme.id(), "operator"));
        assertThat(rings.get(acme.id()).orElseThrow().activeKid()).as("no reload yet").isEqualTo(acmeKid);
        await(rings.reload(acme.id()));

        assertThat(rings.get(acme.id()).orElseThrow().activeKid()).isNotEqualTo(acmeKid);
        assertThat(rings.get(beta.id()).orElseThrow().activeKid()).isEqualTo(betaKid);

        await(rings.loadAll(List.of(beta.id())));
        assertThat(rings.get(acme.id())).isEmpty();
        assertThat(rings.get(beta.id())).isPresent();
    }

    @Test
    void aReloadThatFinishesAfterARemovalDoesNotBringTheRingBack() {
        Tenant acme = db.tenant("acme");
        await(rings.reload(acme.id()));
        // Hold the reload inside the database until the removal has happened.
        PgConnection blocker = await(PgConnection.connect(db.vertx, db.options));
        await(blocker.query("BEGIN").execute()
                .compose(v -> blocker.query("LOCK TABLE signing_keys IN ACCESS EXCLUSIVE MODE").execute()));
        Future<TenantKeyRing> slow = rings.reload(acme.id());

        rings.remove(acme.id());
        await(blocker.query("COMMIT").execute());
        await(slow);

        assertThat(slow.result().tenantId()).isEqualTo(acme.id());
        assertThat(rings.get(acme.id())).isEmpty();
        await(blocker.close());
    }
}
