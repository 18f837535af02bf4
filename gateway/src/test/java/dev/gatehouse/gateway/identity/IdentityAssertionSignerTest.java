package dev.gatehouse.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.gatehouse.core.config.Tenant;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Assertions signed with the JDK, verified by nimbus-jose-jwt against the JWKS JSON alone. */
class IdentityAssertionSignerTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00.750Z");
    private static final AssertedIdentity ALICE =
            new AssertedIdentity("user-1", "alice@acme.test", List.of("eng", "admins"));

    private static KeyFixture db;
    private static TenantKeyRing acme;
    private static TenantKeyRing beta;

    @BeforeAll
    static void start() {
        db = new KeyFixture(NOW);
        acme = db.ring(db.tenant("acme"));
        beta = db.ring(db.tenant("beta"));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void headerAndClaimsAreWhatDesignPromises() throws Exception {
        SignedAssertion signed = new IdentityAssertionSigner(db.clock).sign(acme, "app.acme.test", ALICE);

        SignedJWT jwt = SignedJWT.parse(signed.token());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(acme.activeKid()).isEqualTo(signed.kid());
        assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
        assertThat(new JsonObject(new String(Base64.getUrlDecoder().decode(signed.token().split("\\.")[0])))
                .fieldNames()).containsExactlyInAnyOrder("alg", "kid", "typ");
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getClaims().keySet())
                .containsExactlyInAnyOrder("iss", "aud", "sub", "email", "groups", "iat", "exp", "jti");
        assertThat(claims.getIssuer()).isEqualTo("app.acme.test");
        assertThat(claims.getAudience()).containsExactly("app.acme.test");
        assertThat(claims.getSubject()).isEqualTo("user-1");
        assertThat(claims.getStringClaim("email")).isEqualTo("alice@acme.test");
        assertThat(claims.getStringListClaim("groups")).containsExactly("eng", "admins");
        assertThat(claims.getIssueTime()).isEqualTo(Date.from(Instant.parse("2026-11-23T10:00:00Z")));
        assertThat(claims.getExpirationTime()).isEqualTo(Date.from(Instant.parse("2026-11-23T10:05:00Z")));
        assertThat(signed.expiresAt()).isEqualTo(claims.getExpirationTime().toInstant());
        assertThat(claims.getJWTID()).hasSize(22);
        assertThat(Base64.getUrlDecoder().decode(jwt.getSignature().toString())).hasSize(64);
        assertThat(JwksVerifier.verifies(signed.token(), acme.jwks(NOW).json())).isTrue();
    }

    @Test
    void eachAssertionHasItsOwnJtiAndAnAlteredOneFails() throws Exception {
        IdentityAssertionSigner signer = new IdentityAssertionSigner(db.clock);
        SignedAssertion first = signer.sign(acme, "app.acme.test", ALICE);
        SignedAssertion second = signer.sign(acme, "app.acme.test", ALICE);
        assertThat(SignedJWT.parse(first.token()).getJWTClaimsSet().getJWTID())
                .isNotEqualTo(SignedJWT.parse(second.token()).getJWTClaimsSet().getJWTID());

        String[] parts = first.token().split("\\.");
        String forgedClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]))).put("sub", "admin").encode()
                        .getBytes());
        assertThat(JwksVerifier.verifies(parts[0] + "." + forgedClaims + "." + parts[2], acme.jwks(NOW).json()))
                .isFalse();
    }

    @Test
    void anotherTenantsJwksDoesNotVerifyTheAssertion() throws Exception {
        SignedAssertion signed = new IdentityAssertionSigner(db.clock).sign(acme, "app.acme.test", ALICE);
        String betaJwks = beta.jwks(NOW).json();

        assertThat(betaJwks).doesNotContain(acme.activeKid());
        assertThat(JwksVerifier.verifies(signed.token(), betaJwks)).isFalse();
        // Not even with beta's key chosen by force, ignoring the kid.
        ECKey betaKey = JwksVerifier.key(betaJwks, beta.activeKid()).orElseThrow();
        assertThat(SignedJWT.parse(signed.token()).verify(new ECDSAVerifier(betaKey))).isFalse();
    }

    @Test
    void anUpstreamsStandardProcessorAcceptsItForItsHostnameOnly() throws Exception {
        SignedAssertion signed = new IdentityAssertionSigner(Clock.systemUTC()).sign(acme, "app.acme.test", ALICE);
        JWKSet jwks = JWKSet.parse(acme.jwks(NOW).json());

        JWTClaimsSet accepted = processor(jwks, "app.acme.test").process(signed.token(), null);
        assertThat(accepted.getSubject()).isEqualTo("user-1");
        assertThatThrownBy(() -> processor(jwks, "other.acme.test").process(signed.token(), null))
                .isInstanceOf(BadJOSEException.class);
        assertThatThrownBy(() -> processor(JWKSet.parse(beta.jwks(NOW).json()), "app.acme.test")
                .process(signed.token(), null)).isInstanceOf(BadJOSEException.class);
    }

    @Test
    void kidIsTheRfc7638ThumbprintAndTheJwksHasExactlyThePublicMembers() throws Exception {
        ECKey key = JwksVerifier.key(acme.jwks(NOW).json(), acme.activeKid()).orElseThrow();
        assertThat(key.computeThumbprint().toString()).isEqualTo(acme.activeKid());
        assertThat(key.isPrivate()).isFalse();
        JsonObject published = new JsonObject(acme.jwks(NOW).json()).getJsonArray("keys").getJsonObject(0);
        assertThat(published.fieldNames()).containsExactlyInAnyOrder("kid", "kty", "crv", "x", "y", "alg", "use");
        assertThat(published.getString("alg")).isEqualTo("ES256");
        assertThat(published.getString("use")).isEqualTo("sig");
        assertThat(published.getString("crv")).isEqualTo("P-256");
    }

    @Test
    void unknownEmailIsLeftOutAndGroupsDefaultToEmpty() throws Exception {
        SignedAssertion signed = new IdentityAssertionSigner(db.clock, Duration.ofMinutes(2))
                .sign(acme, "App.Acme.Test", new AssertedIdentity("svc-7", null, null));
        JWTClaimsSet claims = SignedJWT.parse(signed.token()).getJWTClaimsSet();
        assertThat(claims.getClaims()).doesNotContainKey("email");
        assertThat(claims.getStringListClaim("groups")).isEmpty();
        assertThat(claims.getIssuer()).isEqualTo("app.acme.test");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void refusesAudiencesThatAreNotBareHostnamesAndLifetimesOverFiveMinutes() {
        IdentityAssertionSigner signer = new IdentityAssertionSigner(db.clock);
        for (String bad : new String[] {"https://app.acme.test", "app.acme.test:8443", "app.acme.test/x", "", " "}) {
            assertThatThrownBy(() -> signer.sign(acme, bad, ALICE)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bare hostname");
        }
        assertThatThrownBy(() -> new IdentityAssertionSigner(db.clock, Duration.ofMinutes(5).plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdentityAssertionSigner(db.clock, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AssertedIdentity(" ", null, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static DefaultJWTProcessor<SecurityContext> processor(JWKSet jwks, String hostname) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, new ImmutableJWKSet<>(jwks)));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(hostname,
                new JWTClaimsSet.Builder().issuer(hostname).build(), Set.of("sub", "iat", "exp", "jti")));
        return processor;
    }
}
