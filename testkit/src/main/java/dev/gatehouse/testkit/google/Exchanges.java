package dev.gatehouse.testkit.google;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

import io.vertx.core.json.JsonObject;

/** Reading and answering JDK server exchanges. */
final class Exchanges {

    private Exchanges() {
    }

    static byte[] body(HttpExchange exchange) throws IOException {
        return exchange.getRequestBody().readAllBytes();
    }

    /** Decoded {@code a=1&b=2} pairs (the first value of a repeated name wins). */
    static Map<String, String> formParameters(String encoded) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return parameters;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    static Map<String, String> query(HttpExchange exchange) {
        return formParameters(exchange.getRequestURI().getRawQuery());
    }

    /** The bearer token of the Authorization header, or null. */
    static String bearer(HttpExchange exchange) {
        return bearerOf(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    static String bearerOf(String headerValue) {
        if (headerValue == null || !headerValue.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = headerValue.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    static void json(HttpExchange exchange, int status, JsonObject body) throws IOException {
        send(exchange, status, "application/json; charset=utf-8", body.encode().getBytes(StandardCharsets.UTF_8));
    }

    static void text(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    /** A Google API error body: {@code {"error":{"code","message","status"}}}. */
    static JsonObject googleError(int code, String status, String message) {
        return new JsonObject().put("error", new JsonObject().put("code", code).put("message", message)
                .put("status", status));
    }
}
