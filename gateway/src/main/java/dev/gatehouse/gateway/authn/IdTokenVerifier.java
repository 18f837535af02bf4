package dev.gatehouse.gateway.authn;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import dev.gatehouse.core.crypto.Tokens;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Verifies an ID token the way OpenID Connect Core 3.1.3.7 asks: signature with the provider's keys (asymmetric
 * algorithms only), {@code iss} equal to the discovered issuer, {@code aud} containing the client id (and, with
 * several audiences, {@code azp} equal to it), {@code exp} in the future and {@code iat}/{@code nbf} not, all on the
 * injected clock with {@link #CLOCK_SKEW}; and {@code nonce} when one is expected (sign-in, not bearer tokens).
 */
final class IdTokenVerifier {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final Set<String> ALGORITHMS = Set.of(
            "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA");

    private final JwksKeys keys;
    private final String issuer;
    private final String clientId;
    private final Clock clock;

    IdTokenVerifier(JwksKeys keys, String issuer, String clientId, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.clientId = clientId;
        this.clock = clock;
    }

    /** @param expectedNonce the nonce sent with the authorization request, or null when none is expected */
    Future<VerifiedToken> verify(String token, String expectedNonce) {
        if (token == null || !ALGORITHMS.contains(algorithm(token))) {
            return Future.failedFuture(new TokenRejected("not a JWT signed with an asymmetric algorithm"));
        }
        return keys.verify(token).compose(claims -> {
            try {
                return Future.succeededFuture(checkClaims(claims, expectedNonce));
            } catch (TokenRejected e) {
                return Future.failedFuture(e);
            }
        });
    }

    private VerifiedToken checkClaims(JsonObject claims, String expectedNonce) {
        if (!issuer.equals(claims.getValue("iss"))) {
            throw new TokenRejected("the issuer (iss) is not " + issuer);
        }
        checkAudience(claims);
        Instant now = clock.instant();
        Instant expiresAt = instant(claims, "exp");
        if (expiresAt == null) {
            throw new TokenRejected("the token has no expiry (exp)");
        }
        if (!now.isBefore(expiresAt.plus(CLOCK_SKEW))) {
            throw new TokenRejected("the token has expired");
        }
        for (String notAfterNow : new String[] {"iat", "nbf"}) {
            Instant at = instant(claims, notAfterNow);
            if (at != null && at.minus(CLOCK_SKEW).isAfter(now)) {
                throw new TokenRejected("the token is not valid yet (" + notAfterNow + ")");
            }
        }
        if (!(claims.getValue("sub") instanceof String sub) || sub.isEmpty()) {
            throw new TokenRejected("the token names no subject (sub)");
        }
        if (expectedNonce != null
                && !(claims.getValue("nonce") instanceof String nonce && Tokens.constantTimeEquals(nonce, expectedNonce))) {
            throw new TokenRejected("the nonce does not match this sign-in");
        }
        return new VerifiedToken(claims, expiresAt);
    }

    private void checkAudience(JsonObject claims) {
        Object aud = claims.getValue("aud");
        JsonArray audiences = aud instanceof String single ? new JsonArray().add(single)
                : aud instanceof JsonArray list ? list : new JsonArray();
        if (!audiences.contains(clientId)) {
            throw new TokenRejected("the audience (aud) does not contain this client");
        }
        Object azp = claims.getValue("azp");
        if ((audiences.size() > 1 || azp != null) && !clientId.equals(azp)) {
            throw new TokenRejected("the authorized party (azp) is not this client");
        }
    }

    private static Instant instant(JsonObject claims, String name) {
        Object value = claims.getValue(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number seconds)) {
            throw new TokenRejected("the " + name + " claim is not a number");
        }
        return Instant.ofEpochSecond(seconds.longValue());
    }

    private static String algorithm(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        try {
            byte[] header = Base64.getUrlDecoder().decode(token.substring(0, dot));
            return new JsonObject(new String(header, StandardCharsets.UTF_8)).getString("alg");
        } catch (IllegalArgumentException | DecodeException | ClassCastException e) {
            return null;
        }
    }
}
