package dev.gatehouse.core.store;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to committed configuration changes ({@code LISTEN gatehouse_config}). It reconnects after a lost
 * connection; notifications sent while disconnected are lost, so {@code resubscribed} runs after every
 * re-subscription (not the first) and should reload everything.
 */
public final class ConfigChanges {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigChanges.class);
  private static final long RECONNECT_DELAY_MS = 1000;

  private final PgSubscriber subscriber;

  private ConfigChanges(PgSubscriber subscriber) {
    this.subscriber = subscriber;
  }

  public static Future<ConfigChanges> listen(Vertx vertx, PgConnectOptions options, Consumer<ConfigChange> consumer) {
    return listen(vertx, options, consumer, () -> {});
  }

  /** Completes once the LISTEN is in place: every change committed after that is delivered. */
  public static Future<ConfigChanges> listen(Vertx vertx, PgConnectOptions options, Consumer<ConfigChange> consumer,
      Runnable resubscribed) {
    PgSubscriber subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempt -> RECONNECT_DELAY_MS);
    Promise<ConfigChanges> ready = Promise.promise();
    ConfigChanges changes = new ConfigChanges(subscriber);
    subscriber.channel(ConfigStore.CHANNEL)
        .subscribeHandler(v -> {
          if (!ready.tryComplete(changes)) {
            resubscribed.run();
          }
        })
        .handler(payload -> {
          try {
            consumer.accept(ConfigChange.fromPayload(payload));
          } catch (RuntimeException e) {
            LOG.warn("ignoring unreadable configuration change notification", e);
          }
        });
    subscriber.connect().onFailure(ready::tryFail);
    return ready.future();
  }

  public Future<Void> close() {
    return subscriber.close();
  }
}
