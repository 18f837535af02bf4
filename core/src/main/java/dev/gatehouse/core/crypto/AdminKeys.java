package dev.gatehouse.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** TEMPORARY stand-in until branch database delivers core.crypto (removed before merging it). */
public final class AdminKeys {
  private static final SecureRandom RANDOM = new SecureRandom();

  public record Issued(String plaintext, String prefix, byte[] hash) {}

  private AdminKeys() {}

  public static Issued issue() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    String key = "ghk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    return new Issued(key, key.substring(0, 12), hash(key));
  }

  public static byte[] hash(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static boolean looksLikeKey(String s) {
    return s != null && s.matches("ghk_[A-Za-z0-9_-]{43}");
  }
}
