package dev.gatehouse.gateway.proxy;

import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.List;

/**
 * The headers that describe one connection rather than the message (RFC 9110 §7.6.1), which a proxy must not
 * forward: {@code Connection} and every header it names, {@code Proxy-Connection}, {@code Keep-Alive}, {@code TE},
 * {@code Trailer}, {@code Transfer-Encoding}, {@code Upgrade}, and the proxy's own authentication headers
 * {@code Proxy-Authenticate} and {@code Proxy-Authorization}. Checked for every header of every proxied message in
 * both directions, so the fixed names are compared in place, by length first, without allocating.
 */
final class HopByHopHeaders {
    /** The usual case: {@code Connection} names nothing beyond the fixed set ({@code keep-alive}, {@code close}). */
    private static final HopByHopHeaders FIXED = new HopByHopHeaders(List.of());

    private static final List<String> FIXED_NAMES = List.of("te", "trailer", "upgrade", "connection", "keep-alive",
            "proxy-connection", "transfer-encoding", "proxy-authenticate", "proxy-authorization");

    private final List<String> namedInConnection;

    private HopByHopHeaders(List<String> namedInConnection) {
        this.namedInConnection = namedInConnection;
    }

    /**
     * The hop-by-hop headers of a message with these {@code headers}: the fixed set plus those named in Connection.
     * Scanned in place: nearly every answer says {@code Connection: keep-alive}, which names nothing more.
     */
    static HopByHopHeaders of(MultiMap headers) {
        if (headers.get("Connection") == null) {
            return FIXED;
        }
        List<String> named = null;
        for (String connection : headers.getAll("Connection")) {
            int start = 0;
            while (start <= connection.length()) {
                int end = connection.indexOf(',', start);
                if (end < 0) {
                    end = connection.length();
                }
                int from = start;
                int to = end;
                while (from < to && (connection.charAt(from) == ' ' || connection.charAt(from) == '\t')) {
                    from++;
                }
                while (to > from && (connection.charAt(to - 1) == ' ' || connection.charAt(to - 1) == '\t')) {
                    to--;
                }
                if (from < to && !isFixedOrClose(connection, from, to)) {
                    if (named == null) {
                        named = new ArrayList<>(2);
                    }
                    named.add(connection.substring(from, to));
                }
                start = end + 1;
            }
        }
        return named == null ? FIXED : new HopByHopHeaders(named);
    }

    /** Whether {@code name} (any case) is hop-by-hop for this message. */
    boolean contains(String name) {
        if (isFixed(name)) {
            return true;
        }
        for (String named : namedInConnection) {
            if (named.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the token {@code text[from, to)} is {@code close} or a name of the fixed set (any case). */
    private static boolean isFixedOrClose(String text, int from, int to) {
        return to - from == 5 && text.regionMatches(true, from, "close", 0, 5) || isFixed(text, from, to);
    }

    /** Whether {@code name} (any case) is one of the headers that are hop-by-hop in every message. */
    static boolean isFixed(String name) {
        return isFixed(name, 0, name.length());
    }

    private static boolean isFixed(String text, int from, int to) {
        int length = to - from;
        for (String name : FIXED_NAMES) {
            if (name.length() == length && text.regionMatches(true, from, name, 0, length)) {
                return true;
            }
        }
        return false;
    }
}
