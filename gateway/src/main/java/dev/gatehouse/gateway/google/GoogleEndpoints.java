package dev.gatehouse.gateway.google;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.http.HttpTransportFactory;

/**
 * Where google-auth-library's requests go. {@link #GOOGLE} is Google itself (the metadata server is
 * {@code http://metadata.google.internal}, or {@code GCE_METADATA_HOST} when that environment variable is set, as
 * the library defines). Other values route the hosts the library has built in — the metadata server
 * ({@code metadata.google.internal}, {@code 169.254.169.254}), the OAuth token and certificate endpoints
 * ({@code oauth2.googleapis.com}, {@code www.googleapis.com}) and IAM Credentials
 * ({@code iamcredentials.googleapis.com}) — to other base URLs ({@code scheme://host:port}): to fakes in tests, where
 * a JVM cannot set environment variables, or to private endpoints. A null base keeps Google's.
 */
public record GoogleEndpoints(URI metadataServer, URI oauth2, URI iamCredentials) {

    public static final GoogleEndpoints GOOGLE = new GoogleEndpoints(null, null, null);

    /** The base URL each built-in host is routed to (host names in lower case). */
    public Map<String, URI> routes() {
        Map<String, URI> routes = new HashMap<>();
        if (metadataServer != null) {
            routes.put("metadata.google.internal", metadataServer);
            routes.put("169.254.169.254", metadataServer);
        }
        if (oauth2 != null) {
            routes.put("oauth2.googleapis.com", oauth2);
            routes.put("www.googleapis.com", oauth2);
        }
        if (iamCredentials != null) {
            routes.put("iamcredentials.googleapis.com", iamCredentials);
        }
        return Map.copyOf(routes);
    }

    /** Google's own NetHttpTransport, with the routes applied to every connection it opens. */
    public HttpTransportFactory transportFactory() {
        NetHttpTransport transport = new NetHttpTransport.Builder()
                .setConnectionFactory(new RoutingConnectionFactory(routes()))
                .build();
        return () -> transport;
    }
}
