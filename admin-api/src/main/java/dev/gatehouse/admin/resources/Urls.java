package dev.gatehouse.admin.resources;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** URL checks for issuers and upstreams. */
final class Urls {
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private Urls() {}

  static URI parse(String text) {
    try {
      URI uri = new URI(text);
      return uri.isAbsolute() && !uri.isOpaque() ? uri : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** https, or http for a loopback host; a host; no userinfo, query or fragment. */
  static boolean isIssuer(String text) {
    URI uri = parse(text);
    if (uri == null || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      return false;
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    return scheme.equals("https")
        || scheme.equals("http") && (LOOPBACK.contains(host) || host.endsWith(".localhost"));
  }

  /** http or https; a host; no userinfo, query or fragment (a path is fine). */
  static boolean isUpstream(String text) {
    URI uri = parse(text);
    if (uri == null || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      return false;
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("http") || scheme.equals("https");
  }
}
