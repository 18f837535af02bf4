package dev.gatehouse.gateway.identity;

import static dev.gatehouse.gateway.identity.KeyFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.config.Tenant;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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

    @Test
    void readyHandsOutTheLoadedRingAtOnce() {
        Tenant acme = db.tenant("acme");
        TenantKeyRing loaded = await(rings.reload(acme.id()));

        Future<TenantKeyRing> ready = rings.ready(acme.id());

        assertThat(ready.isComplete()).isTrue();
        assertThat(ready.result()).isSameAs(loaded);
    }

    @Test
    void readyLoadsAMissingRingAndKeepsIt() {
        Tenant acme = db.tenant("acme");
        assertThat(rings.get(acme.id())).isEmpty();

        TenantKeyRing ring = await(rings.ready(acme.id()));

        assertThat(ring.tenantId()).isEqualTo(acme.id());
        assertThat(rings.get(acme.id())).containsSame(ring);
    }

    @Test
    void readyFailsForATenantWhoseKeysCannotLoad() {
        Future<TenantKeyRing> ready = rings.ready(UUID.randomUUID());

        assertThat(ready.toCompletionStage().toCompletableFuture()).failsWithin(Duration.ofSeconds(30));
    }

    @Test
    void reloadsAskedForWhileOneRunsShareOneLoadAfterItAndReadyJoinsTheRunningOne() {
        Tenant acme = db.tenant("acme");
        PgConnection blocker = await(PgConnection.connect(db.vertx, db.options));
        await(blocker.query("BEGIN").execute()
                .compose(v -> blocker.query("LOCK TABLE signing_keys IN ACCESS EXCLUSIVE MODE").execute()));

        Future<TenantKeyRing> first = rings.reload(acme.id());
        Future<TenantKeyRing> waiting = rings.ready(acme.id());
        Future<TenantKeyRing> second = rings.reload(acme.id());
        Future<TenantKeyRing> third = rings.reload(acme.id());
        assertThat(List.of(first, waiting, second, third)).as("nothing loads while the keys are locked")
                .noneMatch(Future::isComplete);
        await(blocker.query("COMMIT").execute());

        assertThat(await(waiting)).isSameAs(await(first));
        assertThat(await(third)).as("one load after the first serves every reload asked for meanwhile")
                .isSameAs(await(second)).isNotSameAs(first.result());
        assertThat(second.result().activeKid()).isEqualTo(first.result().activeKid());
        assertThat(rings.get(acme.id())).containsSame(second.result());
        await(blocker.close());
    }

    @Test
    void readyCompletesOnTheCallersContext() {
        Tenant acme = db.tenant("acme");
        Context caller = db.vertx.getOrCreateContext();
        Promise<Boolean> onCaller = Promise.promise();

        caller.runOnContext(v -> rings.ready(acme.id())
                .onComplete(ready -> onCaller.complete(ready.succeeded() && Vertx.currentContext() == caller)));

        assertThat(await(onCaller.future())).isTrue();
    }
}
