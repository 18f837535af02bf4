package dev.gatehouse.gateway.pipeline;

import dev.gatehouse.core.net.IpLiterals;
import dev.gatehouse.gateway.proxy.TrustedPeers;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;

/**
 * The client address the {@code source_ip} criterion judges: the direct peer, or, behind a trusted proxy, the
 * address that proxy appended last to {@code X-Forwarded-For} (earlier entries are the client's own words).
 * Never resolves a name: anything but an IP literal counts as unknown (null), which no CIDR matches.
 */
final class SourceAddresses {
    private SourceAddresses() {
    }

    static InetAddress of(HttpServerRequest request, TrustedPeers trustedPeers) {
        SocketAddress peer = request.remoteAddress();
        if (peer == null) {
            return null;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && trustedPeers.trusts(peer)) {
            int comma = forwarded.lastIndexOf(',');
            return IpLiterals.parse(forwarded.substring(comma + 1).trim());
        }
        return IpLiterals.parse(peer.hostAddress());
    }
}
