package dev.gatehouse.core.session;

import dev.gatehouse.core.store.Page;
import dev.gatehouse.core.store.PageRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Pages of sign-ins held in memory: newest first, then by handle. The cursor is the last item's sign-in time and
 * handle, so a page continues after it even when sign-ins start or end in between.
 */
public final class SignInPages {
  private static final char SEPARATOR = '~';
  private static final Comparator<SignIn> ORDER = Comparator.comparing(SignIn::createdAt).reversed()
      .thenComparing(SignIn::handle);

  private SignInPages() {}

  public static Page<SignIn> page(Collection<SignIn> signIns, PageRequest request) {
    Cursor after = request.after() == null ? null : Cursor.parse(request.after());
    List<SignIn> sorted = signIns.stream()
        .filter(s -> after == null || after.precedes(s))
        .sorted(ORDER)
        .limit(request.limit() + 1L)
        .toList();
    if (sorted.size() <= request.limit()) {
      return new Page<>(sorted, null);
    }
    SignIn last = sorted.get(request.limit() - 1);
    return new Page<>(sorted.subList(0, request.limit()), last.createdAt() + String.valueOf(SEPARATOR)
        + last.handle());
  }

  /** Whether {@code cursor} is one that {@link #page} hands out. */
  public static boolean validCursor(String cursor) {
    try {
      Cursor.parse(cursor);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private record Cursor(Instant createdAt, String handle) {
    static Cursor parse(String text) {
      int split = text.indexOf(SEPARATOR);
      if (split < 0 || !SignInHandle.isWellFormed(text.substring(split + 1))) {
        throw new IllegalArgumentException("not a sign-in cursor");
      }
      try {
        return new Cursor(Instant.parse(text.substring(0, split)), text.substring(split + 1));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("not a sign-in cursor", e);
      }
    }

    /** Whether {@code signIn} comes after the cursor in the order. */
    boolean precedes(SignIn signIn) {
      int byTime = signIn.createdAt().compareTo(createdAt);
      return byTime < 0 || byTime == 0 && signIn.handle().compareTo(handle) > 0;
    }
  }
}
