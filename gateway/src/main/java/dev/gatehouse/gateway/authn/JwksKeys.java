package dev.gatehouse.gateway.authn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.NoSuchKeyIdException;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

/**
 * An identity provider's signing keys (its JWKS) and signature checks against them. Symmetric keys in a JWKS are
 * ignored. A token signed with a key id not seen yet makes it fetch the JWKS again (key rotation), at most every
 * {@link #REFETCH_INTERVAL}. Time claims are not checked here (see {@link IdTokenVerifier}, which has the clock).
 */
final class JwksKeys {

    static final Duration REFETCH_INTERVAL = Duration.ofSeconds(30);
    /** Every call to an identity provider gives up after this long, even if its connection never times out. */
    static final long HTTP_TIMEOUT_MILLIS = 10_000;
    private static final int MAX_JWKS_BYTES = 512 * 1024;

    private final Vertx vertx;
    private final HttpClient http;
    private final String jwksUri;
    private final Clock clock;
    private volatile JWTAuth signatures;
    private volatile Instant fetchedAt;

    private JwksKeys(Vertx vertx, HttpClient http, String jwksUri, Clock clock) {
        this.vertx = vertx;
        this.http = http;
        this.jwksUri = jwksUri;
        this.clock = clock;
    }

    static Future<JwksKeys> load(Vertx vertx, HttpClient http, String jwksUri, Clock clock) {
        JwksKeys keys = new JwksKeys(vertx, http, jwksUri, clock);
        return keys.fetch().map(keys);
    }

    /** The token's payload when its signature verifies; fails with {@link TokenRejected} otherwise. */
    Future<JsonObject> verify(String token) {
        return verifyWith(signatures, token).recover(error -> {
            if (error instanceof NoSuchKeyIdException && clock.instant().isAfter(fetchedAt.plus(REFETCH_INTERVAL))) {
                return fetch().compose(v -> verifyWith(signatures, token));
            }
            return Future.failedFuture(error);
        }).recover(error -> Future.failedFuture(error instanceof TokenRejected
                ? error
                : new TokenRejected("the signature does not verify against the identity provider's keys")));
    }

    private static Future<JsonObject> verifyWith(JWTAuth auth, String token) {
        return auth.authenticate(new TokenCredentials(token)).map(JwksKeys::payload);
    }

    private static JsonObject payload(User user) {
        return user.attributes().getJsonObject("accessToken");
    }

    private Future<Void> fetch() {
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(jwksUri)
                .putHeader("Accept", "application/json")
                .setConnectTimeout(HTTP_TIMEOUT_MILLIS)
                .setIdleTimeout(HTTP_TIMEOUT_MILLIS);
        return http.request(request)
                .compose(outgoing -> outgoing.send())
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture("the JWKS endpoint answered " + response.statusCode()))
                .compose(body -> body.length() > MAX_JWKS_BYTES
                        ? Future.failedFuture("the JWKS is larger than " + MAX_JWKS_BYTES + " bytes")
                        : Future.succeededFuture(body))
                .map(this::install)
                .timeout(HTTP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }

    private Void install(Buffer body) {
        JsonArray keys = body.toJsonObject().getJsonArray("keys", new JsonArray());
        List<JsonObject> asymmetric = new ArrayList<>();
        for (Object key : keys) {
            if (key instanceof JsonObject jwk && !"oct".equals(jwk.getString("kty"))) {
                asymmetric.add(jwk);
            }
        }
        signatures = JWTAuth.create(vertx, new JWTAuthOptions()
                .setJwks(asymmetric)
                .setJWTOptions(new JWTOptions().setIgnoreExpiration(true)));
        fetchedAt = clock.instant();
        return null;
    }
}
