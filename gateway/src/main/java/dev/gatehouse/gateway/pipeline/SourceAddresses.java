package dev.gatehouse.gateway.pipeline;

import dev.gatehouse.gateway.proxy.TrustedPeers;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;

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
            return literal(forwarded.substring(comma + 1).trim());
        }
        return literal(peer.hostAddress());
    }

    static InetAddress literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return null;
        }
        boolean ipv6 = text.indexOf(':') >= 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = Character.digit(c, ipv6 ? 16 : 10) >= 0 || c == '.' || (ipv6 && c == ':');
            if (!allowed) {
                return null;
            }
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
