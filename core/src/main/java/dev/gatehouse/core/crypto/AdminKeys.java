package dev.gatehouse.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Admin API keys: {@code ghk_} followed by 32 random bytes in base64url. Only the SHA-256 of a key is stored, with its
 * first 12 characters as a non-secret prefix that identifies it in lists and narrows the lookup.
 *
 * <p>A plain hash is enough: a slow password hash (bcrypt, Argon2) protects low-entropy secrets against guessing,
 * but these keys carry 256 random bits, so a stolen hash cannot be reversed by brute force, and lookups stay cheap on
 * every API request.
 */
public final class AdminKeys {

    public static final String KEY_PREFIX = "ghk_";
    public static final int PREFIX_LENGTH = 12;
    private static final int RANDOM_BYTES = 32;
    private static final Pattern FORMAT = Pattern.compile("ghk_[A-Za-z0-9_-]{43}");

    private AdminKeys() {
    }

    /** @param plaintext shown to the caller once, never stored */
    public record Issued(String plaintext, String prefix, byte[] hash) {
        @Override
        public String toString() {
            return "AdminKeys.Issued[prefix=" + prefix + "]";
        }
    }

    public static Issued issue() {
        String plaintext = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(Tokens.randomBytes(RANDOM_BYTES));
        return new Issued(plaintext, prefix(plaintext), hash(plaintext));
    }

    public static String prefix(String key) {
        return key.substring(0, PREFIX_LENGTH);
    }

    public static byte[] hash(String presented) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(presented.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
        }
    }

    /** Whether a presented key hashes to the stored hash, compared in constant time. */
    public static boolean matches(String presented, byte[] storedHash) {
        return presented != null && storedHash != null && MessageDigest.isEqual(hash(presented), storedHash);
    }

    public static boolean looksLikeKey(String s) {
        return s != null && FORMAT.matcher(s).matches();
    }
}
