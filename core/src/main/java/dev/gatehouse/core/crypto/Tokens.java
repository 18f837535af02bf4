package dev.gatehouse.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable random strings (operator tokens, login state, nonces) and their constant-time comparison. */
public final class Tokens {

    /** 128 bits: below that a token could be guessed or collide. */
    public static final int MIN_BYTES = 16;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {
    }

    /** {@code bytes} random bytes, base64url without padding. */
    public static String random(int bytes) {
        if (bytes < MIN_BYTES) {
            throw new IllegalArgumentException("a token needs at least " + MIN_BYTES + " random bytes, got " + bytes);
        }
        return BASE64URL.encodeToString(randomBytes(bytes));
    }

    static byte[] randomBytes(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return random;
    }

    /** Compares a presented secret with the expected one in time independent of where they differ. */
    public static boolean constantTimeEquals(String presented, String expected) {
        if (presented == null || expected == null) {
            return false;
        }
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
