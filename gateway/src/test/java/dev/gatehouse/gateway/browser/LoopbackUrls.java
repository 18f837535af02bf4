package dev.gatehouse.gateway.browser;

import java.net.URI;
import java.util.Locale;

/** Which URLs stay on this machine: 127.0.0.1, [::1], localhost and its subdomains (tenant hostnames in tests). */
final class LoopbackUrls {
    private LoopbackUrls() {
    }

    static boolean isLoopback(String url) {
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException unparsable) {
            return false;
        }
        if (host == null) {
            return url.startsWith("data:") || url.startsWith("about:");
        }
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.equals("127.0.0.1") || lower.equals("[::1]") || lower.equals("localhost")
                || lower.endsWith(".localhost");
    }
}
