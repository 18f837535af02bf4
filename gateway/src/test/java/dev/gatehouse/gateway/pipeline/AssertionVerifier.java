package dev.gatehouse.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;

/**
 * Checks {@code X-Gatehouse-Jwt-Assertion} the way an upstream would: with nimbus-jose-jwt and nothing of Gatehouse
 * but the JWKS JSON the gateway publishes on the hostname.
 */
final class AssertionVerifier {
    private AssertionVerifier() {
    }

    /**
     * Asserts the token is an ES256 JWT whose {@code kid} is in {@code jwksJson} and whose signature verifies, with
     * {@code iss} = {@code aud} = {@code host}, a {@code jti}, and {@code exp} at most 5 minutes after {@code iat}
     * and still in the future; returns its claims.
     */
    static JWTClaimsSet verify(String token, String jwksJson, String host) {
        assertThat(token).as("the identity assertion").isNotNull();
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
            JWK key = JWKSet.parse(jwksJson).getKeyByKeyId(jwt.getHeader().getKeyID());
            assertThat(key).as("the JWKS key named by kid " + jwt.getHeader().getKeyID()).isInstanceOf(ECKey.class);
            assertThat(jwt.verify(new ECDSAVerifier((ECKey) key))).as("the signature verifies").isTrue();
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            assertThat(claims.getIssuer()).isEqualTo(host);
            assertThat(claims.getAudience()).containsExactly(host);
            assertThat(claims.getJWTID()).isNotBlank();
            Instant issuedAt = claims.getIssueTime().toInstant();
            Instant expires = claims.getExpirationTime().toInstant();
            assertThat(Duration.between(issuedAt, expires)).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5));
            assertThat(expires).isAfter(Instant.now());
            return claims;
        } catch (Exception e) {
            throw new AssertionError("the assertion does not verify: " + e, e);
        }
    }
}
