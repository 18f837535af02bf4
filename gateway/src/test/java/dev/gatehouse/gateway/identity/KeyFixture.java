package dev.gatehouse.gateway.identity;

import dev.gatehouse.testkit.MutableClock;

import dev.gatehouse.core.config.Tenant;
import dev.gatehouse.core.crypto.SecretBox;
import dev.gatehouse.core.store.AuditEntry;
import dev.gatehouse.core.store.Changed;
import dev.gatehouse.core.store.ConfigStore;
import dev.gatehouse.core.store.SigningKeyStore;
import dev.gatehouse.core.store.TenantRows;
import dev.gatehouse.testkit.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** A fresh migrated database with a signing-key store on a hand-moved clock. */
final class KeyFixture implements AutoCloseable {
    final Vertx vertx = Vertx.vertx();
    final MutableClock clock;
    final SecretBox secrets = new SecretBox(randomKey());
    final PgConnectOptions options = TestDatabase.connectOptions(TestDatabase.fresh());
    final Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(4)).connectingTo(options).using(vertx).build();
    final ConfigStore store;
    final SigningKeyStore keys;
    final KeyRingLoader loader;

    KeyFixture(Instant start) {
        clock = new MutableClock(start);
        store = new ConfigStore(pool, clock);
        keys = new SigningKeyStore(store, secrets);
        loader = new KeyRingLoader(keys, secrets);
    }

    /** A tenant as the admin API creates it: no signing key yet. */
    Tenant tenant(String slug) {
        Instant now = store.now();
        Tenant draft = new Tenant(UUID.randomUUID(), slug, slug, null, null, false, 0, 1, now, now);
        return await(store.change("operator", c -> TenantRows.insert(c, draft)
                .map(t -> new Changed<>(t.id(), t, AuditEntry.create("tenant", slug, null)))));
    }

    TenantKeyRing ring(Tenant tenant) {
        return await(loader.load(tenant.id()));
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Override
    public void close() {
        await(pool.close());
        await(vertx.close());
    }
}
