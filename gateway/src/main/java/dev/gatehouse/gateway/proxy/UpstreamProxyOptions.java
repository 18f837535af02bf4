package dev.gatehouse.gateway.proxy;

import io.vertx.core.net.TrustOptions;
import java.util.Objects;
import java.util.Set;

/**
 * How the proxy talks to upstreams.
 *
 * @param trustedPeers             whose {@code X-Forwarded-*} / {@code Forwarded} headers are passed on and extended
 * @param maxConnectionsPerOrigin  pooled HTTP/1.1 connections per upstream origin (scheme, host, port)
 * @param keepAliveSeconds         how long an idle pooled connection is kept; below common upstream idle timeouts so
 *                                 the gateway rarely reuses a connection the upstream is closing
 * @param upstreamTrust            extra trust for upstream TLS certificates; null means the JVM's default trust store
 * @param gatewayCookies           names of the gateway's own cookies: never sent to upstreams, never set by them
 * @param refusals                 may replace an upstream's 401/403 with a page explaining it
 */
public record UpstreamProxyOptions(
        TrustedPeers trustedPeers, int maxConnectionsPerOrigin, int keepAliveSeconds, TrustOptions upstreamTrust,
        Set<String> gatewayCookies, UpstreamRefusals refusals) {

    public UpstreamProxyOptions {
        Objects.requireNonNull(trustedPeers, "trustedPeers");
        Objects.requireNonNull(refusals, "refusals");
        gatewayCookies = Set.copyOf(gatewayCookies);
        if (maxConnectionsPerOrigin < 1) {
            throw new IllegalArgumentException("maxConnectionsPerOrigin must be at least 1");
        }
        if (keepAliveSeconds < 1) {
            throw new IllegalArgumentException("keepAliveSeconds must be at least 1");
        }
    }

    public static UpstreamProxyOptions defaults() {
        return new UpstreamProxyOptions(TrustedPeers.none(), 100, 15, null, Set.of(), UpstreamRefusals.NONE);
    }

    public UpstreamProxyOptions withTrustedPeers(TrustedPeers peers) {
        return new UpstreamProxyOptions(peers, maxConnectionsPerOrigin, keepAliveSeconds, upstreamTrust,
                gatewayCookies, refusals);
    }

    public UpstreamProxyOptions withMaxConnectionsPerOrigin(int max) {
        return new UpstreamProxyOptions(trustedPeers, max, keepAliveSeconds, upstreamTrust, gatewayCookies, refusals);
    }

    public UpstreamProxyOptions withUpstreamTrust(TrustOptions trust) {
        return new UpstreamProxyOptions(trustedPeers, maxConnectionsPerOrigin, keepAliveSeconds, trust,
                gatewayCookies, refusals);
    }

    public UpstreamProxyOptions withGatewayCookies(Set<String> names) {
        return new UpstreamProxyOptions(trustedPeers, maxConnectionsPerOrigin, keepAliveSeconds, upstreamTrust,
                names, refusals);
    }

    public UpstreamProxyOptions withRefusals(UpstreamRefusals hook) {
        return new UpstreamProxyOptions(trustedPeers, maxConnectionsPerOrigin, keepAliveSeconds, upstreamTrust,
                gatewayCookies, hook);
    }
}
