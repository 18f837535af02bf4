package dev.gatehouse.core.config;

import java.time.Duration;
import java.util.regex.Pattern;

/** The configuration's duration notation: digits followed by ms, s or m. */
public final class Durations {
  public static final Pattern PATTERN = Pattern.compile("^([0-9]+)(ms|s|m)$");

  private Durations() {}

  public static boolean isValid(String text) {
    return text != null && PATTERN.matcher(text).matches() && text.length() <= 12;
  }

  public static Duration parse(String text) {
    var m = PATTERN.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a duration: " + text);
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      default -> Duration.ofMinutes(amount);
    };
  }
}
