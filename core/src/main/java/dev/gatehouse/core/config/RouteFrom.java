package dev.gatehouse.core.config;

import java.util.Objects;

/** Where a route listens: scheme ("http" or "https") and one of the tenant's hostnames. */
public record RouteFrom(String scheme, String hostname) {
  public RouteFrom {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(hostname, "hostname");
  }

  @Override
  public String toString() {
    return scheme + "://" + hostname;
  }
}
