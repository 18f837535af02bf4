package dev.gatehouse.admin.http;

import io.vertx.ext.web.RoutingContext;
import java.util.OptionalInt;

/** If-Match: "<version>" handling. */
public final class Preconditions {
  private Preconditions() {}

  /** The version the client expects, if it sent If-Match (a bare number is accepted too). */
  public static OptionalInt ifMatch(RoutingContext ctx) {
    String header = ctx.request().getHeader("If-Match");
    if (header == null || header.isBlank() || header.trim().equals("*")) {
      return OptionalInt.empty();
    }
    String value = header.trim();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    try {
      return OptionalInt.of(Integer.parseInt(value));
    } catch (NumberFormatException e) {
      return OptionalInt.of(-1);
    }
  }

  /** Throws 412 when the client's If-Match differs from {@code currentVersion}. */
  public static void check(OptionalInt expected, int currentVersion) {
    if (expected.isPresent() && expected.getAsInt() != currentVersion) {
      throw Problem.preconditionFailed(currentVersion);
    }
  }
}
