package dev.gatehouse.core.cloudrun;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code *.run.app} URL tells about its Cloud Run service. The deterministic form
 * {@code https://SERVICE-PROJECT_NUMBER.REGION.run.app} gives all three; the older form
 * {@code https://SERVICE-HASH-REGION_CODE.a.run.app} gives only the service name (its two-letter region code has no
 * documented mapping to a region); custom domains give nothing. Unknown parts are null.
 */
public record CloudRunService(String service, String region, String projectNumber) {

  private static final Pattern DETERMINISTIC =
      Pattern.compile("([a-z0-9][a-z0-9-]*?)-([0-9]+)\\.([a-z]+-[a-z]+[0-9]+)\\.run\\.app");
  private static final Pattern HASHED = Pattern.compile("([a-z0-9][a-z0-9-]*)-[a-z0-9]+-[a-z]{2,4}\\.a\\.run\\.app");

  public static Optional<CloudRunService> fromUrl(String url) {
    Optional<String> host = SigningClaims.host(url);
    if (host.isEmpty()) {
      return Optional.empty();
    }
    Matcher deterministic = DETERMINISTIC.matcher(host.get());
    if (deterministic.matches()) {
      return Optional.of(new CloudRunService(deterministic.group(1), deterministic.group(3),
          deterministic.group(2)));
    }
    Matcher hashed = HASHED.matcher(host.get());
    if (hashed.matches()) {
      return Optional.of(new CloudRunService(hashed.group(1), null, null));
    }
    return Optional.empty();
  }
}
