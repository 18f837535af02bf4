package dev.gatehouse.gateway.pipeline;

import dev.gatehouse.core.net.CidrBlock;
import dev.gatehouse.gateway.google.GoogleCredentialsOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * What the data plane needs from the runtime.
 *
 * @param pool            the configuration database
 * @param listenTo        where to LISTEN for change events (the same database as the pool)
 * @param masterKey       opens sealed secrets (IdP client secrets, signing keys) and derives the handoff key
 * @param google          where the gateway's own Google identity comes from
 * @param trustedProxies  the proxies in front of the gateway (a load balancer, nginx) whose {@code X-Forwarded-*}
 *                        headers are believed: public scheme, client address; empty when clients connect directly
 */
public record DataPlaneOptions(
        Pool pool, PgConnectOptions listenTo, byte[] masterKey, GoogleCredentialsOptions google, Clock clock,
        List<CidrBlock> trustedProxies) {

    public DataPlaneOptions {
        trustedProxies = List.copyOf(Objects.requireNonNull(trustedProxies, "trustedProxies"));
    }

    /** Clients connect to the gateway directly: no proxy is trusted. */
    public DataPlaneOptions(Pool pool, PgConnectOptions listenTo, byte[] masterKey, GoogleCredentialsOptions google,
            Clock clock) {
        this(pool, listenTo, masterKey, google, clock, List.of());
    }

    public DataPlaneOptions withTrustedProxies(List<CidrBlock> proxies) {
        return new DataPlaneOptions(pool, listenTo, masterKey, google, clock, proxies);
    }

    @Override
    public String toString() {
        return "DataPlaneOptions[secrets redacted, trustedProxies=" + trustedProxies + "]";
    }
}
