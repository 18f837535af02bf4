package dev.gatehouse.gateway.config;

import dev.gatehouse.core.store.ConfigStore;
import io.vertx.pgclient.PgConnectOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link ListeningConfigRegistry} needs.
 *
 * @param store          loads configurations
 * @param listenTo       the database to {@code LISTEN} on for change events (a dedicated connection)
 * @param resyncInterval how often every tenant is reloaded as a safety net against lost events
 */
public record ConfigRegistryOptions(ConfigStore store, PgConnectOptions listenTo, Duration resyncInterval) {
    public static final Duration DEFAULT_RESYNC_INTERVAL = Duration.ofSeconds(60);

    public ConfigRegistryOptions {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(listenTo, "listenTo");
        Objects.requireNonNull(resyncInterval, "resyncInterval");
        if (resyncInterval.toMillis() < 1) {
            throw new IllegalArgumentException("resyncInterval must be at least 1 ms");
        }
    }

    public static ConfigRegistryOptions of(ConfigStore store, PgConnectOptions listenTo) {
        return new ConfigRegistryOptions(store, listenTo, DEFAULT_RESYNC_INTERVAL);
    }

    public ConfigRegistryOptions withResyncInterval(Duration interval) {
        return new ConfigRegistryOptions(store, listenTo, interval);
    }
}
