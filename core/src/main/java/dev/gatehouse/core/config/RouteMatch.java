package dev.gatehouse.core.config;

import java.util.Objects;

/** How a route matches the request path. A route that names none matches prefix "/". */
public record RouteMatch(Kind kind, String value) {
  public enum Kind { PATH, PREFIX, REGEX }

  public static final RouteMatch ANY = new RouteMatch(Kind.PREFIX, "/");

  public RouteMatch {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
  }
}
