package dev.gatehouse.gateway.pipeline;

import dev.gatehouse.gateway.google.GoogleCredentialsOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.time.Clock;

/**
 * What the data plane needs from the runtime.
 *
 * @param pool      the configuration database
 * @param listenTo  where to LISTEN for change events (the same database as the pool)
 * @param masterKey opens sealed secrets (IdP client secrets, signing keys) and derives the handoff key
 * @param google    where the gateway's own Google identity comes from
 */
public record DataPlaneOptions(
        Pool pool, PgConnectOptions listenTo, byte[] masterKey, GoogleCredentialsOptions google, Clock clock) {

    @Override
    public String toString() {
        return "DataPlaneOptions[secrets redacted]";
    }
}
