package dev.gatehouse.gateway.pipeline;

import dev.gatehouse.core.net.IpLiterals;
import dev.gatehouse.gateway.proxy.TrustedPeers;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.util.List;

/**
 * The client address the {@code source_ip} criterion judges. From a peer that is not a trusted proxy: the peer
 * itself (its {@code X-Forwarded-For} was stripped and is never read). From a trusted proxy: {@code X-Forwarded-For}
 * read from the right, skipping every address inside the trusted ranges (each trusted hop appended the address it
 * was reached from); the first untrusted address is the client, as nginx's {@code real_ip_recursive on} decides.
 * Entries left of it are the client's own words and never count. If every entry is trusted the leftmost is taken;
 * without the header the trusted peer itself is the client (a health check, say). An entry that is not an IP
 * literal makes the address unknown (null), which no CIDR matches: junk never shifts the decision to an address
 * further left. Names are never resolved.
 */
final class SourceAddresses {
    private static final String HEADER = "X-Forwarded-For";

    private SourceAddresses() {
    }

    static InetAddress of(HttpServerRequest request, TrustedPeers trustedPeers) {
        SocketAddress peer = request.remoteAddress();
        if (peer == null) {
            return null;
        }
        InetAddress direct = IpLiterals.parse(peer.hostAddress());
        if (direct == null || !trustedPeers.trusts(direct)) {
            return direct;
        }
        List<String> forwarded = request.headers().getAll(HEADER);
        return forwarded.isEmpty() ? direct : client(forwarded, trustedPeers);
    }

    /** The client named by {@code X-Forwarded-For} lines (several lines read as one list, in order). */
    static InetAddress client(List<String> headerLines, TrustedPeers trustedPeers) {
        InetAddress leftmost = null;
        for (int line = headerLines.size() - 1; line >= 0; line--) {
            String value = headerLines.get(line);
            int end = value.length();
            while (end >= 0) {
                int comma = value.lastIndexOf(',', end - 1);
                InetAddress hop = address(value.substring(comma + 1, end).trim());
                if (hop == null) {
                    return null;
                }
                if (!trustedPeers.trusts(hop)) {
                    return hop;
                }
                leftmost = hop;
                end = comma;
            }
        }
        return leftmost;
    }

    /**
     * One entry: an IPv4 or IPv6 literal, optionally bracketed (IPv6) and with a port, as some proxies write them
     * ({@code 192.0.2.7:4711}, {@code [2001:db8::7]:4711}); null for anything else.
     */
    static InetAddress address(String entry) {
        String literal = entry;
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            if (close < 0 || !(close == entry.length() - 1 || isPort(entry, close + 1))) {
                return null;
            }
            literal = entry.substring(1, close);
            if (literal.indexOf(':') < 0) {
                return null;
            }
        } else {
            int colon = entry.indexOf(':');
            if (colon >= 0 && colon == entry.lastIndexOf(':') && isPort(entry, colon)) {
                literal = entry.substring(0, colon);
            }
        }
        return IpLiterals.parse(literal);
    }

    /** {@code :} followed by 1 to 5 digits at {@code colon} up to the end. */
    private static boolean isPort(String entry, int colon) {
        int digits = entry.length() - colon - 1;
        if (entry.charAt(colon) != ':' || digits < 1 || digits > 5) {
            return false;
        }
        for (int i = colon + 1; i < entry.length(); i++) {
            if (entry.charAt(i) < '0' || entry.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
