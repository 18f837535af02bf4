package dev.gatehouse.testkit.google;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Google's OAuth token endpoint ({@code POST /token}, JWT-bearer grant) and certificate endpoint
 * ({@code GET /oauth2/v3/certs}, a JWKS). An assertion signed by a service account's key yields an ID token when it
 * carries {@code target_audience}, an access token when it carries {@code scope}. Not Google's:
 * {@code GET /fake/mints} tells a process outside the test's JVM (the benchmark) how many ID tokens every endpoint of
 * the fake minted, {@code {"total": N, "by_identity_and_audience": [{service_account, audience, mints}]}}.
 */
final class TokenEndpoint implements HttpHandler {

    static final String TOKEN_PATH = "/token";
    static final String CERTS_PATH = "/oauth2/v3/certs";
    static final String MINTS_PATH = "/fake/mints";
    private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final String REAL_TOKEN_URI = "https://oauth2.googleapis.com/token";

    private final GoogleState state;
    private volatile URI ownTokenUri;

    TokenEndpoint(GoogleState state) {
        this.state = state;
    }

    void servedAt(URI tokenUri) {
        this.ownTokenUri = tokenUri;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (CERTS_PATH.equals(path) && "GET".equals(exchange.getRequestMethod())) {
            JsonObject jwks = new JsonObject().put("keys", new JsonArray().add(state.googleKey().publicJwk()));
            Exchanges.json(exchange, 200, jwks);
        } else if (TOKEN_PATH.equals(path) && "POST".equals(exchange.getRequestMethod())) {
            token(exchange);
        } else if (MINTS_PATH.equals(path) && "GET".equals(exchange.getRequestMethod())) {
            Exchanges.json(exchange, 200, new JsonObject().put("total", state.totalMints())
                    .put("by_identity_and_audience", state.mintCounts()));
        } else {
            Exchanges.text(exchange, 404, "not found");
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form =
                Exchanges.formParameters(new String(Exchanges.body(exchange), StandardCharsets.UTF_8));
        if (!JWT_BEARER.equals(form.get("grant_type"))) {
            oauthError(exchange, 400, "unsupported_grant_type", "Invalid grant_type: " + form.get("grant_type"));
            return;
        }
        Jwt assertion;
        try {
            assertion = Jwt.parse(form.getOrDefault("assertion", ""));
        } catch (IllegalArgumentException e) {
            oauthError(exchange, 400, "invalid_request", "Invalid JWT: " + e.getMessage());
            return;
        }
        Optional<FakeServiceAccount> account = state.account(assertion.claims().getString("iss", ""));
        if (account.isEmpty()) {
            oauthError(exchange, 400, "invalid_grant", "Invalid grant: account not found");
            return;
        }
        if (!account.get().key().keyId().equals(assertion.header().getString("kid"))
                || !account.get().key().verifies(assertion)) {
            oauthError(exchange, 400, "invalid_grant", "Invalid JWT Signature.");
            return;
        }
        if (!Set.of(REAL_TOKEN_URI, String.valueOf(ownTokenUri)).containsAll(assertion.audiences())
                || assertion.audiences().isEmpty()) {
            oauthError(exchange, 400, "invalid_grant", "Invalid JWT: Token must be a short-lived token (60 minutes)"
                    + " and in a reasonable timeframe. Check your iat and exp values in the JWT claim.");
            return;
        }
        if (!state.clock().instant().isBefore(assertion.expiresAt())) {
            oauthError(exchange, 400, "invalid_grant", "Invalid JWT: Token must be a short-lived token (60 minutes)"
                    + " and in a reasonable timeframe. Check your iat and exp values in the JWT claim.");
            return;
        }
        String targetAudience = assertion.claims().getString("target_audience");
        if (targetAudience != null && !targetAudience.isEmpty()) {
            JsonObject claims = state.idTokenClaims(account.get(), targetAudience, true);
            Exchanges.json(exchange, 200,
                    new JsonObject().put("id_token", state.mintIdToken(account.get(), targetAudience, claims)));
        } else if (assertion.claims().getString("scope", "").isEmpty()) {
            oauthError(exchange, 400, "invalid_scope", "Invalid OAuth scope or ID token audience provided.");
        } else {
            Exchanges.json(exchange, 200, new JsonObject()
                    .put("access_token", state.issueAccessToken(account.get()))
                    .put("expires_in", GoogleState.ACCESS_TOKEN_LIFETIME.toSeconds() - 1)
                    .put("token_type", "Bearer"));
        }
    }

    private static void oauthError(HttpExchange exchange, int status, String error, String description)
            throws IOException {
        Exchanges.json(exchange, status, new JsonObject().put("error", error).put("error_description", description));
    }
}
