package dev.gatehouse.gateway.identity;

import dev.gatehouse.core.crypto.Tokens;
import dev.gatehouse.core.store.SigningKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * Signs {@code X-Gatehouse-Jwt-Assertion}: a compact JWS, ES256 with the tenant's active key, header
 * {@code {"alg":"ES256","kid":…,"typ":"JWT"}}, claims {@code iss} = {@code aud} = the route's hostname, {@code sub},
 * {@code email} (when known), {@code groups}, {@code iat}, {@code exp}, {@code jti}.
 *
 * <p>The JDK signs ({@code SHA256withECDSAinP1363Format} gives the 64-byte r‖s that JWS wants, RFC 7518 §3.4),
 * so the data plane needs no JOSE library for a header, a claims object and one signature; tests verify with
 * nimbus-jose-jwt, independently. Signing is pure CPU (one P-256 signature, a few hundred microseconds with the JDK's
 * provider) and thread-safe; {@link AssertionCache} keeps it off most requests.
 */
public final class IdentityAssertionSigner {
    /** Five minutes, the most DESIGN allows; {@link AssertionCache} renews a minute before, so upstreams get ≥ 1. */
    public static final Duration DEFAULT_LIFETIME = SigningKey.MAX_ASSERTION_LIFETIME;

    private static final String ALGORITHM = "SHA256withECDSAinP1363Format";
    private static final int JTI_BYTES = 16;
    private static final int MAX_HOSTNAME_LENGTH = 253;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final Clock clock;
    private final Duration lifetime;

    public IdentityAssertionSigner(Clock clock) {
        this(clock, DEFAULT_LIFETIME);
    }

    /** @param lifetime from one second to {@link SigningKey#MAX_ASSERTION_LIFETIME}, whole seconds */
    public IdentityAssertionSigner(Clock clock, Duration lifetime) {
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.compareTo(Duration.ofSeconds(1)) < 0 || lifetime.compareTo(SigningKey.MAX_ASSERTION_LIFETIME) > 0
                || lifetime.getNano() != 0) {
            throw new IllegalArgumentException("an assertion lifetime must be whole seconds from 1s to "
                    + SigningKey.MAX_ASSERTION_LIFETIME + ", got " + lifetime);
        }
        this.lifetime = lifetime;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /**
     * @param hostname the route's hostname ({@code route.from().hostname()}): no scheme, no port
     * @throws IllegalArgumentException when {@code hostname} is not a bare hostname
     */
    public SignedAssertion sign(TenantKeyRing ring, String hostname, AssertedIdentity identity) {
        Objects.requireNonNull(ring, "ring");
        Objects.requireNonNull(identity, "identity");
        String audience = bareHostname(hostname);
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plus(lifetime);
        JsonObject claims = new JsonObject()
                .put("iss", audience)
                .put("aud", audience)
                .put("sub", identity.subject());
        if (identity.email() != null) {
            claims.put("email", identity.email());
        }
        claims.put("groups", new JsonArray(identity.groups()))
                .put("iat", issuedAt.getEpochSecond())
                .put("exp", expiresAt.getEpochSecond())
                .put("jti", Tokens.random(JTI_BYTES));
        String signingInput = ring.encodedHeader() + "."
                + BASE64URL.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8));
        String signature = BASE64URL.encodeToString(es256(ring, signingInput));
        return new SignedAssertion(signingInput + "." + signature, ring.activeKid(), issuedAt, expiresAt);
    }

    private static byte[] es256(TenantKeyRing ring, String signingInput) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(ring.activeKey());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ES256 signing failed for key " + ring.activeKid(), e);
        }
    }

    static String bareHostname(String hostname) {
        String lower = hostname == null ? "" : hostname.toLowerCase(Locale.ROOT);
        if (!isBareHostname(lower)) {
            throw new IllegalArgumentException("an assertion audience must be a bare hostname (no scheme, no port)");
        }
        return lower;
    }

    /**
     * {@code [a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?}, checked without a regex: every assertion cache hit runs it.
     */
    static boolean isBareHostname(String lower) {
        int length = lower.length();
        if (length == 0 || length > MAX_HOSTNAME_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = lower.charAt(i);
            boolean alphanumeric = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            boolean inner = i > 0 && i < length - 1 && (c == '.' || c == '-');
            if (!alphanumeric && !inner) {
                return false;
            }
        }
        return true;
    }
}
