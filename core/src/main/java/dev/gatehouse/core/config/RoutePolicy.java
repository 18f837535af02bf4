package dev.gatehouse.core.config;

import dev.gatehouse.core.policy.Policy;
import dev.gatehouse.core.policy.PolicyParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The policy a route is judged by: the route's own rules, then one allow rule for the switches that grant access
 * the way Pomerium's do ({@code allow_public_unauthenticated_access} → {@code accept},
 * {@code allow_any_authenticated_user} → {@code authenticated_user}, {@code cors_allow_preflight} →
 * {@code cors_preflight}). Appending keeps the admin's rule numbers in reason codes ({@code allowed-by-rule-N}),
 * and the route's deny rules still apply to public routes. The gateway and the explain endpoint both use this, so
 * neither special-cases the switches.
 */
public final class RoutePolicy {
  private RoutePolicy() {}

  /** The effective policy of {@code route}; throws {@link dev.gatehouse.core.policy.PolicyException} if invalid. */
  public static Policy effective(Route route) {
    return PolicyParser.parse(effectiveRules(route));
  }

  /** The rules of {@link #effective(Route)} as a JSON-like tree. */
  public static List<Object> effectiveRules(Route route) {
    List<Object> rules = new ArrayList<>(route.policy().getList());
    RouteOptions options = route.options();
    List<Object> implied = new ArrayList<>(3);
    if (options.allowPublicUnauthenticatedAccess()) {
      implied.add(Map.of("accept", true));
    }
    if (options.allowAnyAuthenticatedUser()) {
      implied.add(Map.of("authenticated_user", true));
    }
    if (options.corsAllowPreflight()) {
      implied.add(Map.of("cors_preflight", true));
    }
    if (!implied.isEmpty()) {
      rules.add(Map.of("allow", Map.of("or", implied)));
    }
    return rules;
  }
}
