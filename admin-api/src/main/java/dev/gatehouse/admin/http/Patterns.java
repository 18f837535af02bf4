package dev.gatehouse.admin.http;

import java.util.regex.Pattern;

/** Shared input patterns of the admin API. */
public final class Patterns {
  /** Tenant slugs and resource names. */
  public static final Pattern NAME = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$");
  public static final String NAME_DESCRIPTION =
      "1 to 63 lower-case letters, digits or hyphens, starting and ending with a letter or digit";
  private static final Pattern LABEL = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$");

  private Patterns() {}

  /** RFC 1123 host name with at least one dot (or ending in .localhost), no port, no trailing dot, no wildcard. */
  public static boolean isHostname(String host) {
    if (host == null || host.isEmpty() || host.length() > 253 || host.endsWith(".")) {
      return false;
    }
    String[] labels = host.split("\\.", -1);
    if (labels.length < 2) {
      return false;
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }
}
