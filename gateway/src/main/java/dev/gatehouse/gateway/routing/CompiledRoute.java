package dev.gatehouse.gateway.routing;

import dev.gatehouse.core.config.Idp;
import dev.gatehouse.core.config.Route;
import dev.gatehouse.core.config.RouteOptions;
import dev.gatehouse.core.config.Upstream;
import dev.gatehouse.core.policy.Policy;
import dev.gatehouse.gateway.proxy.UpstreamEndpoint;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A route ready for the request path, built once per snapshot by {@link RouteCompiler}.
 *
 * @param route    the route as configured
 * @param upstream its upstream; null only for a defective route (see {@link RouteCompiler}), whose policy denies all
 * @param idp      the IdP that signs users in for this route: the named one, else the tenant's default; null when
 *                 the tenant has no IdP
 * @param policy   the effective policy (see {@link dev.gatehouse.core.config.RoutePolicy#effective})
 * @param regex    the compiled pattern of a {@code regex} route, null for {@code path} and {@code prefix} routes
 * @param endpoint the upstream resolved for the proxy (target, timeouts) once per snapshot; null with the upstream
 */
public record CompiledRoute(Route route, Upstream upstream, Idp idp, Policy policy, Pattern regex,
        UpstreamEndpoint endpoint) {

    public CompiledRoute {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(policy, "policy");
    }

    /** The route with its endpoint resolved from {@code upstream}. */
    public CompiledRoute(Route route, Upstream upstream, Idp idp, Policy policy, Pattern regex) {
        this(route, upstream, idp, policy, regex, upstream == null ? null : UpstreamEndpoint.of(route, upstream));
    }

    public String name() {
        return route.name();
    }

    /** The hostname the route listens on (lower-case, no port). */
    public String hostname() {
        return route.from().hostname();
    }

    public RouteOptions options() {
        return route.options();
    }
}
