package dev.gatehouse.gateway.proxy;

import io.vertx.core.net.SocketAddress;

/**
 * Which direct peers are trusted proxies (a load balancer, an ingress): only their {@code X-Forwarded-*} and
 * {@code Forwarded} headers are believed and passed on; everyone else's are stripped.
 */
@FunctionalInterface
public interface TrustedPeers {

    boolean trusts(SocketAddress peer);

    /** No peer is trusted: the gateway faces clients directly. */
    static TrustedPeers none() {
        return peer -> false;
    }

    /** Every peer is trusted: only for a gateway reachable solely through a proxy that sets these headers. */
    static TrustedPeers any() {
        return peer -> true;
    }
}
