package dev.gatehouse.core.config;

import dev.gatehouse.core.policy.Policy;
import dev.gatehouse.core.policy.PolicyParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The policy a route is judged by: the route's own rules, then one allow rule per switch that is on, as Pomerium
 * reads {@code allow_public_unauthenticated_access}, {@code cors_allow_preflight} and
 * {@code allow_any_authenticated_user}. The route's rules come first so that rule numbers in reasons
 * ({@code allowed-by-rule-N}) are the numbers the tenant admin wrote.
 */
public final class RoutePolicy {
  private static final Map<String, Object> PUBLIC = allow("accept");
  private static final Map<String, Object> PREFLIGHT = allow("cors_preflight");
  private static final Map<String, Object> ANY_USER = allow("authenticated_user");

  private RoutePolicy() {}

  /** The effective policy of {@code route}; throws {@link dev.gatehouse.core.policy.PolicyException} if invalid. */
  public static Policy effective(Route route) {
    return PolicyParser.parse(effectiveRules(route));
  }

  /** The rules of {@link #effective(Route)} as a JSON-like tree. */
  public static List<Object> effectiveRules(Route route) {
    List<Object> rules = new ArrayList<>(route.policy().getList());
    RouteOptions options = route.options();
    if (options.allowPublicUnauthenticatedAccess()) {
      rules.add(PUBLIC);
    }
    if (options.corsAllowPreflight()) {
      rules.add(PREFLIGHT);
    }
    if (options.allowAnyAuthenticatedUser()) {
      rules.add(ANY_USER);
    }
    return rules;
  }

  private static Map<String, Object> allow(String criterion) {
    return Map.of("allow", Map.of("or", List.of(Map.of(criterion, true))));
  }
}
