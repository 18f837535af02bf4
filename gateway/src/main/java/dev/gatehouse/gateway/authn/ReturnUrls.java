package dev.gatehouse.gateway.authn;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import dev.gatehouse.core.config.Hostname;
import dev.gatehouse.core.config.TenantConfig;

/**
 * Where a browser may be sent after signing in: only an absolute URL on one of the tenant's own hostnames, with the
 * scheme and port the browser is using now. Anything else (another site, another tenant, relative or
 * scheme-relative URLs, user info, backslashes) is replaced by {@code /} of the authenticate hostname, so the
 * gateway never redirects anywhere an attacker chooses.
 */
final class ReturnUrls {

    private static final int MAX_CHARS = 4096;

    private ReturnUrls() {
    }

    /** The candidate, normalised, when allowed; else the root of the authenticate hostname. */
    static String sanitize(String candidate, TenantConfig tenant, PublicOrigin origin) {
        return validate(candidate, tenant, origin)
                .orElseGet(() -> origin.withHost(tenant.effectiveAuthenticateHostname()).url("/"));
    }

    static Optional<String> validate(String candidate, TenantConfig tenant, PublicOrigin origin) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_CHARS || hasForbiddenCharacter(candidate)) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(candidate);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawUserInfo() != null || uri.getHost() == null
                || !origin.scheme().equalsIgnoreCase(uri.getScheme())) {
            return Optional.empty();
        }
        String host = PublicOrigin.normalizeHost(uri.getHost());
        int port = uri.getPort() == PublicOrigin.defaultPort(origin.scheme()) ? -1 : uri.getPort();
        if (port != origin.port() || !belongsTo(tenant, host)) {
            return Optional.empty();
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return Optional.of(origin.withHost(host).url(path + query));
    }

    /** The hostname of an already validated return URL. */
    static String hostOf(String returnTo) {
        return PublicOrigin.normalizeHost(URI.create(returnTo).getHost());
    }

    static boolean belongsTo(TenantConfig tenant, String host) {
        for (Hostname hostname : tenant.hostnames()) {
            if (hostname.hostname().toLowerCase(Locale.ROOT).equals(host)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasForbiddenCharacter(String candidate) {
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c <= 0x20 || c == 0x7f || c == '\\' || c > 0x7e) {
                return true;
            }
        }
        return false;
    }
}
