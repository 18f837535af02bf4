package dev.gatehouse.gateway.demo;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * The demo's upstream: answers every request with what it received (method, path, headers) and the decoded claims
 * of the {@code X-Gatehouse-Jwt-Assertion}, as HTML for browsers and JSON otherwise. Decoding is for display
 * only; a real upstream verifies the signature against the tenant's JWKS.
 */
public final class EchoUpstream {
    static final String ASSERTION = "X-Gatehouse-Jwt-Assertion";

    private final HttpServer server;

    private EchoUpstream(HttpServer server) {
        this.server = server;
    }

    /** Listens on a free port of 127.0.0.1. */
    public static Future<EchoUpstream> start(Vertx vertx) {
        return vertx.createHttpServer().requestHandler(EchoUpstream::answer).listen(0, "127.0.0.1")
                .map(EchoUpstream::new);
    }

    public String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    public Future<Void> close() {
        return server.close();
    }

    private static void answer(HttpServerRequest request) {
        JsonObject echo = echo(request);
        String accept = request.getHeader("Accept");
        boolean browser = accept != null && accept.contains("text/html");
        request.response()
                .putHeader("Content-Type", browser ? "text/html; charset=utf-8" : "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(browser ? EchoPage.render(echo) : echo.encodePrettily());
    }

    static JsonObject echo(HttpServerRequest request) {
        Map<String, String> headers = headers(request.headers());
        JsonObject echo = new JsonObject()
                .put("method", request.method().name())
                .put("uri", request.uri())
                .put("headers", new JsonObject(new TreeMap<>(headers)));
        String assertion = request.getHeader(ASSERTION);
        if (assertion != null) {
            echo.put("assertion_claims", claims(assertion));
        }
        return echo;
    }

    private static Map<String, String> headers(MultiMap headers) {
        Map<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : headers.names()) {
            out.put(name.toLowerCase(java.util.Locale.ROOT), String.join(", ", headers.getAll(name)));
        }
        return out;
    }

    private static Object claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return "not a JWT";
        }
        try {
            return new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return "undecodable";
        }
    }
}
