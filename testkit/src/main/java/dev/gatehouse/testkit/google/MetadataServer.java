package dev.gatehouse.testkit.google;

import java.io.IOException;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import io.vertx.core.json.JsonObject;

/**
 * The Compute Engine / Cloud Run metadata server of one instance whose default service account is {@code account}.
 * Like the real one it answers only requests that carry {@code Metadata-Flavor: Google} and marks every answer with
 * that header (google-auth-library's ping looks for it).
 */
final class MetadataServer implements HttpHandler {

    private static final String ACCOUNT = "/computeMetadata/v1/instance/service-accounts/default/";

    private final GoogleState state;
    private final FakeServiceAccount account;

    MetadataServer(GoogleState state, FakeServiceAccount account) {
        this.state = state;
        this.account = account;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Metadata-Flavor", "Google");
        if (!"Google".equals(exchange.getRequestHeaders().getFirst("Metadata-Flavor"))) {
            Exchanges.text(exchange, 403, "Missing required header \"Metadata-Flavor\": \"Google\"");
            return;
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            Exchanges.text(exchange, 405, "method not allowed");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        switch (path) {
            case "/", "/computeMetadata/v1/" -> Exchanges.text(exchange, 200, "computeMetadata/\n");
            case ACCOUNT + "identity" -> identity(exchange);
            case ACCOUNT + "token" -> Exchanges.json(exchange, 200, new JsonObject()
                    .put("access_token", state.issueAccessToken(account))
                    .put("expires_in", GoogleState.ACCESS_TOKEN_LIFETIME.toSeconds() - 1)
                    .put("token_type", "Bearer"));
            case ACCOUNT + "email" -> Exchanges.text(exchange, 200, account.email());
            case "/computeMetadata/v1/universe/universe-domain" -> Exchanges.text(exchange, 200, "googleapis.com");
            case "/computeMetadata/v1/project/project-id" -> Exchanges.text(exchange, 200, account.projectId());
            default -> Exchanges.text(exchange, 404, "not found: " + path);
        }
    }

    private void identity(HttpExchange exchange) throws IOException {
        Map<String, String> query = Exchanges.query(exchange);
        String audience = query.get("audience");
        if (audience == null || audience.isEmpty()) {
            Exchanges.text(exchange, 400, "non-empty audience parameter required");
            return;
        }
        boolean full = "full".equals(query.get("format"));
        JsonObject claims = state.idTokenClaims(account, audience, full);
        if (full) {
            claims.put("google", new JsonObject().put("compute_engine", new JsonObject()
                    .put("project_id", account.projectId())
                    .put("zone", "us-central1-a")));
        }
        Exchanges.text(exchange, 200, state.mintIdToken(account, audience, claims));
    }
}
