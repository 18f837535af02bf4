package dev.gatehouse.gateway.google;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.Locale;
import java.util.Map;

import com.google.api.client.http.javanet.ConnectionFactory;

/** Opens google-http-client connections, sending requests for a routed host to that route's base URL instead. */
public final class RoutingConnectionFactory implements ConnectionFactory {

    private final Map<String, URI> routes;

    public RoutingConnectionFactory(Map<String, URI> routes) {
        this.routes = Map.copyOf(routes);
    }

    @Override
    public HttpURLConnection openConnection(URL url) throws IOException {
        return (HttpURLConnection) route(url).openConnection();
    }

    /** The URL a request for {@code url} really goes to: same path and query, the route's scheme, host and port. */
    URL route(URL url) throws MalformedURLException {
        URI base = routes.get(url.getHost().toLowerCase(Locale.ROOT));
        if (base == null) {
            return url;
        }
        String prefix = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        return new URL(base.getScheme(), base.getHost(), base.getPort(), prefix + url.getFile());
    }
}
