package dev.gatehouse.core.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Parses IPv4 and IPv6 address literals without ever resolving a name: {@link InetAddress#getByName} looks a
 * host name up in DNS, so only text made of address characters reaches it.
 */
public final class IpLiterals {
    private static final int MAX_LENGTH = 45;

    private IpLiterals() {
    }

    /** The address {@code text} spells, or null when it is not an IP literal (names, zone ids, garbage). */
    public static InetAddress parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return null;
        }
        boolean ipv6 = text.indexOf(':') >= 0;
        int dots = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                dots++;
            } else if (!(Character.digit(c, ipv6 ? 16 : 10) >= 0 || (ipv6 && c == ':'))) {
                return null;
            }
        }
        if (!ipv6 && dots != 3) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
