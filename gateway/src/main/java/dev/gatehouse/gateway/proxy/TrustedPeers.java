package dev.gatehouse.gateway.proxy;

import dev.gatehouse.core.net.CidrBlock;
import dev.gatehouse.core.net.IpLiterals;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.util.List;

/**
 * Which addresses are trusted proxies (a load balancer, an ingress, nginx in front): only a trusted direct peer's
 * {@code X-Forwarded-*} and {@code Forwarded} headers are believed and passed on; everyone else's are stripped.
 * Addresses are compared as IP literals only, never resolved; a peer without one (a Unix socket, a zone id) is not
 * trusted.
 */
public final class TrustedPeers {
    private static final TrustedPeers NONE = new TrustedPeers(new CidrBlock[0], false);
    private static final TrustedPeers ANY = new TrustedPeers(new CidrBlock[0], true);

    private final CidrBlock[] ranges;
    private final boolean everyone;

    private TrustedPeers(CidrBlock[] ranges, boolean everyone) {
        this.ranges = ranges;
        this.everyone = everyone;
    }

    /** No peer is trusted: the gateway faces clients directly (the default). */
    public static TrustedPeers none() {
        return NONE;
    }

    /** Every peer is trusted: only for tests of a gateway reachable solely through a proxy that sets these headers. */
    public static TrustedPeers any() {
        return ANY;
    }

    /** Peers whose address lies in one of {@code ranges}; none when the list is empty. */
    public static TrustedPeers within(List<CidrBlock> ranges) {
        return ranges.isEmpty() ? NONE : new TrustedPeers(ranges.toArray(new CidrBlock[0]), false);
    }

    /** False when no proxy is trusted, so callers can skip reading forwarded headers at all. */
    public boolean trustsAny() {
        return everyone || ranges.length > 0;
    }

    /** Whether the direct peer of a connection is a trusted proxy. */
    public boolean trusts(SocketAddress peer) {
        if (!trustsAny() || peer == null) {
            return false;
        }
        return everyone || trusts(IpLiterals.parse(peer.hostAddress()));
    }

    /** Whether {@code address} (null for unknown) is a trusted proxy's. */
    public boolean trusts(InetAddress address) {
        if (address == null) {
            return false;
        }
        if (everyone) {
            return true;
        }
        byte[] bytes = address.getAddress();
        for (CidrBlock range : ranges) {
            if (range.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the peer whose IP literal is {@code hostAddress} is a trusted proxy. */
    public boolean trustsHostAddress(String hostAddress) {
        return trustsAny() && trusts(IpLiterals.parse(hostAddress));
    }
}
