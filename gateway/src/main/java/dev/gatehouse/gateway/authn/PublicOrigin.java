package dev.gatehouse.gateway.authn;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;

/**
 * Scheme, host and port under which a client reached the gateway: what every URL the gateway builds for it (redirect
 * URIs, handoffs, return URLs) starts with. The host is lower case without a trailing dot; {@code port} is -1 for the
 * scheme's default port.
 */
public record PublicOrigin(String scheme, String host, int port) {

    public PublicOrigin {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("scheme must be http or https, got " + scheme);
        }
        host = normalizeHost(host);
        if (host.isEmpty()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port == defaultPort(scheme)) {
            port = -1;
        }
        if (port != -1 && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /**
     * The origin of a request: the scheme from the policy (a trusted proxy's {@code X-Forwarded-Proto}, see
     * {@link SchemePolicy}), host and port from {@code Host}; empty without a host. {@code X-Forwarded-Host} is never
     * read, not even from a trusted proxy: the tenant and route were chosen by {@code Host}, and URLs built here
     * (redirect URIs, handoff targets, return URLs) and the cookies set for them must name that same hostname, or a
     * request routed as one tenant's could send sign-in codes and handoff tokens to another name. Proxies that pass
     * client headers through unchanged (Google's load balancers do) would also let a client choose it. Proxies in
     * front of the gateway therefore keep {@code Host} as the client sent it.
     */
    public static Optional<PublicOrigin> of(HttpServerRequest request, SchemePolicy schemes) {
        HostAndPort authority = request.authority();
        if (authority == null || authority.host() == null || normalizeHost(authority.host()).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PublicOrigin(schemes.scheme(request), authority.host(), authority.port()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static String normalizeHost(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    public static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : 80;
    }

    public boolean secure() {
        return scheme.equals("https");
    }

    /** {@code host} or {@code host:port}. */
    public String authority() {
        return port == -1 ? host : host + ":" + port;
    }

    /** An absolute URL on this origin; {@code pathAndQuery} starts with a slash. */
    public String url(String pathAndQuery) {
        return scheme + "://" + authority() + pathAndQuery;
    }

    /** The same scheme and port on another hostname (the gateway serves all its hostnames on one listener). */
    public PublicOrigin withHost(String otherHost) {
        return new PublicOrigin(scheme, otherHost, port);
    }
}
