package dev.gatehouse.core.store;

import static dev.gatehouse.core.store.ConfigStoreTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.config.Tenant;
import dev.gatehouse.testkit.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConfigChangesTest {

  @Test
  void reListensAfterLosingItsConnectionAndSaysSo() throws Exception {
    PgConnectOptions options = TestDatabase.connectOptions(TestDatabase.fresh());
    Vertx vertx = Vertx.vertx();
    Pool pool = PgBuilder.pool().connectingTo(options).using(vertx).build();
    ConfigStore store = new ConfigStore(pool, Clock.systemUTC());
    var events = new LinkedBlockingQueue<ConfigChange>();
    var resubscribed = new CompletableFuture<Void>();
    ConfigChanges changes = await(ConfigChanges.listen(vertx, options, events::add, () -> resubscribed.complete(null)));
    try {
      long killed = await(pool.query("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
          + " WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()").execute()).iterator().next().getLong(0);
      assertThat(killed).isEqualTo(1);
      resubscribed.get(30, TimeUnit.SECONDS);

      Instant now = store.now();
      Tenant draft = new Tenant(UUID.randomUUID(), "acme", "Acme", null, null, false, 0, 1, now, now);
      await(store.change("operator", c -> TenantRows.insert(c, draft)
          .map(t -> new Changed<>(t.id(), t, AuditEntry.create("tenant", "acme", new JsonObject())))));
      assertThat(events.poll(30, TimeUnit.SECONDS)).isEqualTo(new ConfigChange("acme", 1));
    } finally {
      await(changes.close());
      await(pool.close());
      await(vertx.close());
    }
  }
}
