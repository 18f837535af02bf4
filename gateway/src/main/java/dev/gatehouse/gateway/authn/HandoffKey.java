package dev.gatehouse.gateway.authn;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that seals handoffs, derived from the master key with HKDF-SHA256 (RFC 5869). Every node of a cluster
 * shares the master key, so a handoff sealed on one node opens on any other; the derived key is useless for
 * anything else the master key protects.
 */
public final class HandoffKey {

    private static final byte[] SALT = "gatehouse".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFO = "gatehouse/handoff/v1".getBytes(StandardCharsets.US_ASCII);

    private HandoffKey() {
    }

    public static byte[] derive(byte[] masterKey) {
        if (masterKey == null || masterKey.length < 32) {
            throw new IllegalArgumentException("the master key must have at least 32 bytes");
        }
        byte[] pseudoRandomKey = hmac(SALT, masterKey);
        byte[] expandInput = new byte[INFO.length + 1];
        System.arraycopy(INFO, 0, expandInput, 0, INFO.length);
        expandInput[INFO.length] = 1;
        return hmac(pseudoRandomKey, expandInput);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this JVM", e);
        }
    }
}
