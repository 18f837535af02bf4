package dev.gatehouse.testkit.google;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * The IAM Credentials API's {@code generateIdToken}: the caller is whoever the bearer access token was issued to;
 * the caller may mint for a service account unless the test revoked its {@code roles/iam.serviceAccountTokenCreator}
 * there. Every call is recorded with its outcome.
 */
final class IamCredentials implements HttpHandler {

    private static final Pattern GENERATE_ID_TOKEN =
            Pattern.compile("/v1/projects/-/serviceAccounts/([^/:]+):generateIdToken");

    private final GoogleState state;

    IamCredentials(GoogleState state) {
        this.state = state;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Matcher matcher = GENERATE_ID_TOKEN.matcher(exchange.getRequestURI().getPath());
        if (!matcher.matches() || !"POST".equals(exchange.getRequestMethod())) {
            Exchanges.json(exchange, 404, Exchanges.googleError(404, "NOT_FOUND", "Not found"));
            return;
        }
        String target = matcher.group(1);
        Optional<String> caller = Optional.ofNullable(Exchanges.bearer(exchange)).flatMap(state::accessTokenOwner);
        JsonObject body;
        try {
            body = new JsonObject(new String(Exchanges.body(exchange), StandardCharsets.UTF_8));
        } catch (DecodeException e) {
            answer(exchange, new GenerateIdTokenCall(caller.orElse(null), target, null, 400),
                    Exchanges.googleError(400, "INVALID_ARGUMENT", "Invalid JSON payload received."));
            return;
        }
        String audience = body.getString("audience");
        GenerateIdTokenCall call = new GenerateIdTokenCall(caller.orElse(null), target, audience, 0);
        if (caller.isEmpty()) {
            answer(exchange, call.withStatus(401), Exchanges.googleError(401, "UNAUTHENTICATED",
                    "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or"
                            + " other valid authentication credential."));
        } else if (audience == null || audience.isEmpty()) {
            answer(exchange, call.withStatus(400),
                    Exchanges.googleError(400, "INVALID_ARGUMENT", "Audience is required."));
        } else if (state.account(target).isEmpty()) {
            answer(exchange, call.withStatus(404),
                    Exchanges.googleError(404, "NOT_FOUND", "Not found; Gaia id not found for email " + target));
        } else if (!state.mayCreateTokens(caller.get(), target)) {
            answer(exchange, call.withStatus(403), Exchanges.googleError(403, "PERMISSION_DENIED",
                    "Permission 'iam.serviceAccounts.getOpenIdToken' denied on resource (or it may not exist)."));
        } else {
            FakeServiceAccount account = state.account(target).orElseThrow();
            JsonObject claims = state.idTokenClaims(account, audience, body.getBoolean("includeEmail", false));
            answer(exchange, call.withStatus(200),
                    new JsonObject().put("token", state.mintIdToken(account, audience, claims)));
        }
    }

    private void answer(HttpExchange exchange, GenerateIdTokenCall call, JsonObject body) throws IOException {
        state.record(call);
        Exchanges.json(exchange, call.status(), body);
    }
}
