package dev.gatehouse.core.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticated encryption of secrets at rest with AES-256-GCM.
 *
 * <p>Sealed format: version byte {@code 1} | 12-byte random nonce | ciphertext with its 16-byte tag. The associated
 * data is authenticated but not stored: bind a secret to where it belongs (say "tenant/42/idp/7/client_secret") so a
 * sealed value copied elsewhere does not open. Random 96-bit nonces are safe for far more seals per key than a
 * gateway's configuration will ever make (NIST's limit is 2^32). Thread-safe.
 */
public final class SecretBox {

    private static final byte VERSION = 1;
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int OVERHEAD = 1 + NONCE_BYTES + TAG_BITS / 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public SecretBox(byte[] key32) {
        Objects.requireNonNull(key32, "key");
        if (key32.length != KEY_BYTES) {
            throw new IllegalArgumentException("a SecretBox key must be 32 bytes, got " + key32.length);
        }
        this.key = new SecretKeySpec(key32.clone(), "AES");
    }

    public byte[] seal(String plaintext, String associatedData) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(associatedData, "associatedData");
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] bytes = plaintext.getBytes(StandardCharsets.UTF_8);
        byte[] ciphertext = run(Cipher.ENCRYPT_MODE, nonce, associatedData, bytes, 0, bytes.length);
        return ByteBuffer.allocate(1 + NONCE_BYTES + ciphertext.length).put(VERSION).put(nonce).put(ciphertext).array();
    }

    /** @throws SecretBoxException when the value was altered, or sealed with another key or associated data */
    public String open(byte[] sealed, String associatedData) {
        Objects.requireNonNull(associatedData, "associatedData");
        if (sealed == null || sealed.length < OVERHEAD) {
            throw new SecretBoxException("sealed value is too short");
        }
        if (sealed[0] != VERSION) {
            throw new SecretBoxException("sealed value has unknown format version " + sealed[0]);
        }
        byte[] nonce = new byte[NONCE_BYTES];
        System.arraycopy(sealed, 1, nonce, 0, NONCE_BYTES);
        byte[] plaintext = run(Cipher.DECRYPT_MODE, nonce, associatedData, sealed, 1 + NONCE_BYTES,
                sealed.length - 1 - NONCE_BYTES);
        return new String(plaintext, StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, byte[] nonce, String associatedData, byte[] input, int offset, int length) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input, offset, length);
        } catch (AEADBadTagException e) {
            throw new SecretBoxException("sealed value does not open: altered, or wrong key or associated data", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this JVM", e);
        }
    }
}
