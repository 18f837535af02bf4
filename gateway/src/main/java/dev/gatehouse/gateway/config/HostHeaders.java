package dev.gatehouse.gateway.config;

/** Turns a {@code Host} header into the hostname key of {@link GatewayConfig}: no port, lower-case. */
final class HostHeaders {

    private HostHeaders() {
    }

    /**
     * The hostname of {@code hostHeader}: the port removed, ASCII letters lower-cased; the same instance when
     * nothing needs changing (the usual case), so the hot path allocates only for a port or capitals. An IPv6
     * literal keeps its brackets. Null or empty gives null.
     */
    static String hostname(String hostHeader) {
        if (hostHeader == null) {
            return null;
        }
        int end = hostHeader.length();
        int colon = hostHeader.lastIndexOf(':');
        if (colon >= 0 && hostHeader.indexOf(']', colon) < 0) {
            end = colon;
        }
        boolean upper = false;
        for (int i = 0; i < end; i++) {
            char c = hostHeader.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                upper = true;
                break;
            }
        }
        if (end == 0) {
            return null;
        }
        if (!upper) {
            return end == hostHeader.length() ? hostHeader : hostHeader.substring(0, end);
        }
        char[] lower = new char[end];
        for (int i = 0; i < end; i++) {
            char c = hostHeader.charAt(i);
            lower[i] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return new String(lower);
    }
}
