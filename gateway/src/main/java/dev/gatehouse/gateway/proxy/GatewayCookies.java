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

    static void stripFromRequest(MultiMap headers, Set<String> names) {
        if (names.isEmpty() || !headers.contains("Cookie")) {
            return;
        }
        List<String> kept = new ArrayList<>();
        for (String header : headers.getAll("Cookie")) {
            for (String pair : header.split(";")) {
                String trimmed = pair.trim();
                if (!trimmed.isEmpty() && !names.contains(name(trimmed))) {
                    kept.add(trimmed);
                }
            }
        }
        headers.remove("Cookie");
        if (!kept.isEmpty()) {
            headers.set("Cookie", String.join("; ", kept));
        }
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
