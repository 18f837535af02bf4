package dev.gatehouse.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.gateway.authn.TestBrowser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;

/** The admin API over HTTP, as an operator would call it (operator token, JSON bodies). */
final class AdminClient {
    record Reply(int status, JsonObject body) {
    }

    private final WebClient client;
    private final Context context;
    private final int port;
    private final String operatorToken;

    AdminClient(Vertx vertx, int port, String operatorToken) {
        this.client = WebClient.create(vertx);
        this.context = vertx.getOrCreateContext();
        this.port = port;
        this.operatorToken = operatorToken;
    }

    /** POSTs under {@code /api/v1} and expects 201. */
    JsonObject create(String path, JsonObject body) {
        return expect(201, send(HttpMethod.POST, path, body), "POST " + path);
    }

    /** PATCHes under {@code /api/v1} and expects 200. */
    JsonObject update(String path, JsonObject body) {
        return expect(200, send(HttpMethod.PATCH, path, body), "PATCH " + path);
    }

    /** DELETEs under {@code /api/v1} and expects 204. */
    void delete(String path) {
        expect(204, send(HttpMethod.DELETE, path, null), "DELETE " + path);
    }

    Reply send(HttpMethod method, String path, JsonObject body) {
        HttpRequest<Buffer> request = client.request(method, port, "127.0.0.1", "/api/v1" + path)
                .bearerTokenAuthentication(operatorToken);
        return TestBrowser.await(OnContext.run(context, () -> (body == null ? request.send() : request.sendJsonObject(body))
                .map(response -> {
                    String text = response.bodyAsString();
                    return new Reply(response.statusCode(),
                            text == null || text.isEmpty() ? new JsonObject() : new JsonObject(text));
                })));
    }

    private static JsonObject expect(int status, Reply reply, String what) {
        assertThat(reply.status()).as(what + " answered " + reply.body().encode()).isEqualTo(status);
        return reply.body();
    }
}
