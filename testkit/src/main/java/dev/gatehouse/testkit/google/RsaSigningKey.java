package dev.gatehouse.testkit.google;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.vertx.core.json.JsonObject;

/** An RSA key pair with a key id: signs RS256 JWTs, verifies them, and shows itself as a JWK or a PEM. */
public final class RsaSigningKey {
    private static final List<KeyPair> REUSABLE = new ArrayList<>();

    private final String keyId;
    private final KeyPair keyPair;

    private RsaSigningKey(String keyId, KeyPair keyPair) {
        this.keyId = keyId;
        this.keyPair = keyPair;
    }

    public static RsaSigningKey generate() {
        return new RsaSigningKey(newKeyId(), newKeyPair());
    }

    /**
     * The {@code index}-th of the JVM's reusable key pairs, under a new key id. A fake takes indexes 0, 1, 2, ... so
     * its keys differ from each other, and shares them with the fakes before and after it: generating an RSA key
     * takes a few hundred milliseconds on a loaded machine, and tests start a fake Google per test method.
     */
    static RsaSigningKey reusable(int index) {
        synchronized (REUSABLE) {
            while (REUSABLE.size() <= index) {
                REUSABLE.add(newKeyPair());
            }
            return new RsaSigningKey(newKeyId(), REUSABLE.get(index));
        }
    }

    private static String newKeyId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    public String keyId() {
        return keyId;
    }

    /** A compact RS256 JWS of the claims, with this key's {@code kid}. */
    public String sign(JsonObject claims) {
        JsonObject header = new JsonObject().put("alg", "RS256").put("kid", keyId).put("typ", "JWT");
        String signingInput = Jwt.base64Url(header.encode()) + "." + Jwt.base64Url(claims.encode());
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keyPair.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign", e);
        }
    }

    /** Whether the JWT carries a valid RS256 signature of this key (the {@code kid} is not looked at). */
    public boolean verifies(Jwt jwt) {
        if (!"RS256".equals(jwt.header().getString("alg"))) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(keyPair.getPublic());
            signature.update(jwt.signingInput().getBytes(StandardCharsets.US_ASCII));
            return signature.verify(jwt.signature());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The public key as a JWK with {@code alg} (google-auth-library's TokenVerifier skips keys without it). */
    public JsonObject publicJwk() {
        RSAPublicKey publicKey = (RSAPublicKey) keyPair.getPublic();
        return new JsonObject()
                .put("kty", "RSA")
                .put("alg", "RS256")
                .put("use", "sig")
                .put("kid", keyId)
                .put("n", unsignedBase64Url(publicKey.getModulus()))
                .put("e", unsignedBase64Url(publicKey.getPublicExponent()));
    }

    /** The private key as PKCS#8 PEM, the form a service-account key file holds. */
    public String privateKeyPem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keyPair.getPrivate().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }

    private static String unsignedBase64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            bytes = trimmed;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
