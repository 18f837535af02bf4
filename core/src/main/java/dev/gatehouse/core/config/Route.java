package dev.gatehouse.core.config;

import io.vertx.core.json.JsonArray;
import java.util.Objects;

/**
 * A route of a tenant. {@code upstream} and {@code idp} are names of the tenant's resources; {@code policy} is the
 * canonical policy JSON (a list of rules, see core.policy); {@code timeout} null means the upstream's timeout.
 */
public record Route(
    ResourceMeta meta,
    String name,
    RouteFrom from,
    RouteMatch match,
    String upstream,
    String idp,
    JsonArray policy,
    RouteOptions options,
    HeaderRules headers,
    String timeout) {

  public Route {
    Objects.requireNonNull(meta, "meta");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(upstream, "upstream");
    policy = policy == null ? new JsonArray() : policy.copy();
    options = options == null ? RouteOptions.NONE : options;
    headers = headers == null ? HeaderRules.NONE : headers;
  }

  /** A copy, so callers cannot change this route's policy. */
  @Override
  public JsonArray policy() {
    return policy.copy();
  }

  public Route withMeta(ResourceMeta newMeta) {
    return new Route(newMeta, name, from, match, upstream, idp, policy, options, headers, timeout);
  }
}
