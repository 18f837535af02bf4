package dev.gatehouse.gateway.authn;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;

/**
 * A browser stand-in: connects to 127.0.0.1 whatever the URL's host (sending that host in {@code Host}), keeps
 * host-only cookies per hostname with their paths, and follows redirects on request. An https URL is sent as plain
 * HTTP with {@code X-Forwarded-Proto: https}, like a TLS-terminating proxy in front of the gateway would.
 */
public final class TestBrowser {

    public record StoredCookie(String value, String path, String setCookie) {
    }

    public record Response(String url, int status, MultiMap headers, String body, List<String> setCookies) {
        public String location() {
            return headers.get("Location");
        }

        public JsonObject json() {
            return new JsonObject(body);
        }
    }

    private static final int MAX_REDIRECTS = 15;

    private final HttpClient client;
    private final Context context;
    private final Map<String, Map<String, StoredCookie>> jar = new HashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String> visited = new ArrayList<>();

    public TestBrowser(Vertx vertx) {
        this.client = vertx.createHttpClient();
        this.context = vertx.getOrCreateContext();
        headers.put("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
    }

    /** Sets (or with null removes) a header sent with every request. */
    public TestBrowser header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    public Response get(String url) {
        return send(HttpMethod.GET, url);
    }

    public Response post(String url) {
        return send(HttpMethod.POST, url);
    }

    /** GETs the URL and follows redirects; every URL requested is in {@link #visited()}. */
    public Response navigate(String url) {
        Response response = get(url);
        for (int i = 0; i < MAX_REDIRECTS && response.status() / 100 == 3; i++) {
            response = get(URI.create(response.url()).resolve(response.location()).toString());
        }
        return response;
    }

    public List<String> visited() {
        return List.copyOf(visited);
    }

    public StoredCookie cookie(String host, String name) {
        return jar.getOrDefault(host, Map.of()).get(name);
    }

    public void putCookie(String host, String name, String value) {
        jar.computeIfAbsent(host, h -> new HashMap<>()).put(name, new StoredCookie(value, "/", name + "=" + value));
    }

    public Response send(HttpMethod method, String url) {
        visited.add(url);
        URI uri = URI.create(url);
        boolean https = "https".equals(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        RequestOptions options = new RequestOptions()
                .setMethod(method)
                .setServer(SocketAddress.inetSocketAddress(port, "127.0.0.1"))
                .setHost(uri.getHost())
                .setPort(port)
                .setURI(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
        headers.forEach(options::putHeader);
        if (https) {
            options.putHeader("X-Forwarded-Proto", "https");
        }
        String cookieHeader = cookieHeader(uri.getHost(), path);
        if (!cookieHeader.isEmpty()) {
            options.putHeader("Cookie", cookieHeader);
        }
        // The whole exchange runs on one Vert.x context, as Vert.x advises: before vertx-core 5.0.12 a response body
        // read from another thread could miss its end and hang (eclipse-vertx/vert.x#6038).
        Promise<Response> exchanged = Promise.promise();
        context.runOnContext(v -> client.request(options)
                .compose(request -> request.send())
                .compose(r -> r.body().map(body -> new Response(url, r.statusCode(), r.headers(), body.toString(),
                        r.cookies())))
                .onComplete(exchanged));
        Response response = await(exchanged.future());
        response.setCookies().forEach(setCookie -> store(uri.getHost(), setCookie));
        return response;
    }

    private String cookieHeader(String host, String path) {
        StringBuilder header = new StringBuilder();
        jar.getOrDefault(host, Map.of()).forEach((name, cookie) -> {
            if (path.startsWith(cookie.path())) {
                header.append(header.length() == 0 ? "" : "; ").append(name).append('=').append(cookie.value());
            }
        });
        return header.toString();
    }

    private void store(String host, String setCookie) {
        String[] parts = setCookie.split(";");
        int equals = parts[0].indexOf('=');
        String name = parts[0].substring(0, equals).trim();
        String value = parts[0].substring(equals + 1).trim();
        String path = "/";
        boolean expired = false;
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].trim().toLowerCase(Locale.ROOT);
            if (attribute.startsWith("path=")) {
                path = parts[i].trim().substring(5);
            } else if (attribute.equals("max-age=0")) {
                expired = true;
            }
        }
        Map<String, StoredCookie> cookies = jar.computeIfAbsent(host, h -> new HashMap<>());
        if (expired) {
            cookies.remove(name);
        } else {
            cookies.put(name, new StoredCookie(value, path, setCookie));
        }
    }

    public static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("request failed", e);
        }
    }
}
