package dev.gatehouse.gateway.routing;

import dev.gatehouse.core.config.Route;
import dev.gatehouse.core.config.RouteOptions;
import dev.gatehouse.core.policy.Policy;
import dev.gatehouse.core.policy.PolicyException;
import dev.gatehouse.core.policy.PolicyParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A route's effective policy: its own rules, then one allow rule for the switches that grant access the way
 * Pomerium's do ({@code allow_public_unauthenticated_access} → {@code accept},
 * {@code allow_any_authenticated_user} → {@code authenticated_user}, {@code cors_allow_preflight} →
 * {@code cors_preflight}). Appending keeps the route's own rule numbers in reason codes; deny rules of the route
 * still apply to public routes. So the data plane evaluates one policy and needs no special cases for the switches.
 */
public final class RoutePolicies {

    private RoutePolicies() {
    }

    /** @throws PolicyException when the route's stored policy does not parse */
    public static Policy effective(Route route) {
        List<Object> rules = new ArrayList<>(route.policy().getList());
        List<Object> implied = impliedCriteria(route.options());
        if (!implied.isEmpty()) {
            rules.add(Map.of("allow", Map.of("or", implied)));
        }
        return PolicyParser.parse(rules);
    }

    private static List<Object> impliedCriteria(RouteOptions options) {
        List<Object> criteria = new ArrayList<>(3);
        if (options.allowPublicUnauthenticatedAccess()) {
            criteria.add(Map.of("accept", true));
        }
        if (options.allowAnyAuthenticatedUser()) {
            criteria.add(Map.of("authenticated_user", true));
        }
        if (options.corsAllowPreflight()) {
            criteria.add(Map.of("cors_preflight", true));
        }
        return criteria;
    }
}
