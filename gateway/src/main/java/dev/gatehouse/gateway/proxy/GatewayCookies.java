package dev.gatehouse.gateway.proxy;

import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Keeps the gateway's own cookies (its session) between the browser and the gateway: they are removed from
 * {@code Cookie} on the way to the upstream (an upstream holding a user's session could replay it), and an
 * upstream's {@code Set-Cookie} for one of those names is dropped (it could fix or overwrite the session).
 */
final class GatewayCookies {
    private GatewayCookies() {
    }

    /**
     * Every {@code Cookie} header becomes one, without the gateway's cookies (none when nothing else is left). Scanned
     * in place: every proxied request of a signed-in user carries the session cookie.
     */
    static void stripFromRequest(MultiMap headers, Set<String> names) {
        if (names.isEmpty() || headers.get("Cookie") == null) {
            return;
        }
        List<String> values = headers.getAll("Cookie");
        StringBuilder kept = new StringBuilder();
        boolean removed = false;
        for (String header : values) {
            int start = 0;
            while (start <= header.length()) {
                int end = header.indexOf(';', start);
                if (end < 0) {
                    end = header.length();
                }
                int from = skipSpaces(header, start, end);
                int to = trimEnd(header, from, end);
                if (from < to) {
                    if (isNamed(header, from, to, names)) {
                        removed = true;
                    } else {
                        kept.append(kept.length() == 0 ? "" : "; ").append(header, from, to);
                    }
                }
                start = end + 1;
            }
        }
        if (!removed && values.size() == 1) {
            return;
        }
        headers.remove("Cookie");
        if (kept.length() > 0) {
            headers.set("Cookie", kept.toString());
        }
    }

    /** Whether the pair in {@code header[from, to)} is a cookie named in {@code names}. */
    private static boolean isNamed(String header, int from, int to, Set<String> names) {
        int equals = header.indexOf('=', from);
        int nameEnd = trimEnd(header, from, equals < 0 || equals > to ? to : equals);
        for (String name : names) {
            if (name.length() == nameEnd - from && header.regionMatches(from, name, 0, name.length())) {
                return true;
            }
        }
        return false;
    }

    private static int skipSpaces(String text, int from, int end) {
        while (from < end && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        return from;
    }

    private static int trimEnd(String text, int from, int end) {
        while (end > from && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    static void stripFromResponse(MultiMap headers, Set<String> names) {
        if (names.isEmpty() || !headers.contains("Set-Cookie")) {
            return;
        }
        List<String> kept = new ArrayList<>();
        for (String setCookie : headers.getAll("Set-Cookie")) {
            if (!names.contains(name(setCookie.trim()))) {
                kept.add(setCookie);
            }
        }
        headers.remove("Set-Cookie");
        kept.forEach(value -> headers.add("Set-Cookie", value));
    }

    private static String name(String pair) {
        int equals = pair.indexOf('=');
        int end = equals < 0 ? pair.indexOf(';') : equals;
        return (end < 0 ? pair : pair.substring(0, end)).trim();
    }
}
