package dev.gatehouse.gateway.proxy;

import io.vertx.core.net.HostAndPort;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where an upstream URL points: TLS or not, the host to connect to, the port, the authority to send as
 * {@code Host}, and the base path every request path is appended to.
 *
 * <p>Base path rule: the upstream URL's path is a prefix. {@code https://api.internal/v2} receives a request for
 * {@code /users?id=1} as {@code /v2/users?id=1}; a URL without a path (or with {@code /}) receives paths unchanged.
 * The route's own match is never cut off the request path.
 */
record UpstreamTarget(boolean ssl, String connectHost, int port, HostAndPort authority, String basePath) {

    static UpstreamTarget parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("not an absolute http(s) URL with a host");
        }
        boolean ssl = scheme.equals("https");
        String host = uri.getHost();
        String connectHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        int port = uri.getPort() >= 0 ? uri.getPort() : ssl ? 443 : 80;
        // Cloud Run and most virtual hosts expect Host without a default port.
        HostAndPort authority = uri.getPort() >= 0 ? HostAndPort.authority(host, port) : HostAndPort.authority(host);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new UpstreamTarget(ssl, connectHost, port, authority, path);
    }

    /** The request target to send upstream for an origin-form {@code pathAndQuery} (starting with "/"). */
    String uri(String pathAndQuery) {
        return basePath + pathAndQuery;
    }
}
