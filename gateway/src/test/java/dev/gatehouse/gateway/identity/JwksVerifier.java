package dev.gatehouse.gateway.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.util.Optional;

/** Verifies an assertion the way an upstream would, with nimbus-jose-jwt and nothing of Gatehouse but the JWKS JSON. */
final class JwksVerifier {
    private JwksVerifier() {
    }

    /** Whether the JWKS has the token's kid, as an ES256 P-256 key, and the signature verifies with it. */
    static boolean verifies(String token, String jwksJson) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
                return false;
            }
            Optional<ECKey> key = key(jwksJson, jwt.getHeader().getKeyID());
            return key.isPresent() && jwt.verify(new ECDSAVerifier(key.get()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Optional<ECKey> key(String jwksJson, String kid) throws Exception {
        JWK jwk = JWKSet.parse(jwksJson).getKeyByKeyId(kid);
        return jwk instanceof ECKey ec ? Optional.of(ec) : Optional.empty();
    }
}
