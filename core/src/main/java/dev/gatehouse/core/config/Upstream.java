package dev.gatehouse.core.config;

import java.time.Duration;
import java.util.Objects;

/** An upstream service of a tenant. Timeouts are kept as written ("10s", "250ms", "2m"). */
public record Upstream(
    ResourceMeta meta,
    String name,
    String url,
    ServerlessAuth serverlessAuth,
    String connectTimeout,
    String timeout) {

  public static final String DEFAULT_CONNECT_TIMEOUT = "10s";
  public static final String DEFAULT_TIMEOUT = "30s";

  public Upstream {
    Objects.requireNonNull(meta, "meta");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(serverlessAuth, "serverlessAuth");
  }

  public Duration connectTimeoutDuration() {
    return Durations.parse(connectTimeout);
  }

  public Duration timeoutDuration() {
    return Durations.parse(timeout);
  }

  public Upstream withMeta(ResourceMeta newMeta) {
    return new Upstream(newMeta, name, url, serverlessAuth, connectTimeout, timeout);
  }
}
