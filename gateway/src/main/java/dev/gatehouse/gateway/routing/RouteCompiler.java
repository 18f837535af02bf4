package dev.gatehouse.gateway.routing;

import dev.gatehouse.core.config.Idp;
import dev.gatehouse.core.config.Route;
import dev.gatehouse.core.config.RouteMatch;
import dev.gatehouse.core.config.RoutePolicy;
import dev.gatehouse.core.config.Upstream;
import dev.gatehouse.core.policy.Policy;
import dev.gatehouse.core.policy.PolicyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles the routes of one tenant against its upstreams and IdPs.
 *
 * <p>IdP: the route's named IdP; a route without one (only public routes may omit it) gets the tenant's default,
 * the first of {@code idps} in iteration order (the tenant's IdPs in name order), so a sign-in started from such a
 * route still has somewhere to go; null when the tenant has no IdP.
 *
 * <p>Defects never fail the snapshot. The admin API and the database's foreign keys prevent them, but should a
 * stored route be unusable (policy that no longer parses, unknown upstream or IdP, invalid regex) it is compiled to
 * deny every request ({@link Policy#DENY_ALL}, which the route's switches do not widen) and logged. A defective
 * regex route matches every path at its place among the regex routes: it fails closed rather than letting its
 * requests fall through to a later, possibly more permissive, route.
 */
public final class RouteCompiler {
    private static final Logger LOG = LoggerFactory.getLogger(RouteCompiler.class);
    private static final Pattern EVERY_PATH = Pattern.compile("(?s).*");

    private final String tenant;
    private final Map<String, Upstream> upstreams;
    private final Map<String, Idp> idps;
    private final Idp defaultIdp;

    /**
     * @param tenant    the tenant's slug, for log messages
     * @param upstreams the tenant's upstreams by name
     * @param idps      the tenant's IdPs by name, the default one first
     */
    public RouteCompiler(String tenant, Map<String, Upstream> upstreams, Map<String, Idp> idps) {
        this.tenant = tenant;
        this.upstreams = Map.copyOf(upstreams);
        this.idps = Map.copyOf(idps);
        this.defaultIdp = idps.isEmpty() ? null : idps.values().iterator().next();
    }

    public CompiledRoute compile(Route route) {
        List<String> defects = new ArrayList<>(0);
        Upstream upstream = upstreams.get(route.upstream());
        if (upstream == null) {
            defects.add("no upstream named " + route.upstream());
        }
        Idp idp = route.idp() == null ? defaultIdp : idps.get(route.idp());
        if (route.idp() != null && idp == null) {
            defects.add("no idp named " + route.idp());
        }
        Pattern regex = null;
        if (route.match().kind() == RouteMatch.Kind.REGEX) {
            try {
                regex = Pattern.compile(route.match().value());
            } catch (PatternSyntaxException e) {
                defects.add("invalid regex: " + e.getDescription());
                regex = EVERY_PATH;
            }
        }
        Policy policy = Policy.DENY_ALL;
        try {
            policy = RoutePolicy.effective(route);
        } catch (PolicyException e) {
            defects.add("policy does not parse: " + e.getMessage());
        } catch (RuntimeException e) {
            defects.add("policy does not parse: " + e);
        }
        if (!defects.isEmpty()) {
            LOG.error("route {} of tenant {} denies every request: {}", route.name(), tenant,
                    String.join("; ", defects));
            policy = Policy.DENY_ALL;
        }
        return new CompiledRoute(route, upstream, idp, policy, regex);
    }
}
