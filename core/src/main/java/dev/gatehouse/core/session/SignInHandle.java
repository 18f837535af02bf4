package dev.gatehouse.core.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The public name of a sign-in: base64url of the first 16 bytes of SHA-256 of its login id. Login ids are 256
 * random bits, so the handle cannot be turned back into one, and 128 bits keep handles of a tenant apart.
 */
public final class SignInHandle {
  private static final int BYTES = 16;
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{22}");

  private SignInHandle() {}

  public static String of(String loginId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(loginId.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, BYTES));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Whether {@code text} could be a handle at all (anything else names no sign-in). */
  public static boolean isWellFormed(String text) {
    return text != null && WELL_FORMED.matcher(text).matches();
  }
}
