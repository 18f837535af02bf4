package dev.gatehouse.gateway.config;

import dev.gatehouse.gateway.routing.CompiledRoute;
import dev.gatehouse.gateway.routing.RouteTable;
import java.util.Optional;

/**
 * One hostname of a tenant, what {@link GatewayConfig#lookup} finds for a {@code Host} header.
 *
 * @param hostname the hostname (lower-case, no port)
 * @param tenant   the snapshot of the tenant that owns it
 * @param routes   the routes listening on it (empty when it has none: the tenant's gateway paths still answer)
 */
public record TenantHost(String hostname, TenantSnapshot tenant, RouteTable routes) {

    /** Shorthand for {@code routes().resolve(path)}. */
    public Optional<CompiledRoute> resolve(String path) {
        return routes.resolve(path);
    }

    /** Whether this is where the tenant's users sign in (the redirect URI's host). */
    public boolean isAuthenticateHostname() {
        return hostname.equals(tenant.authenticateHostname());
    }

    @Override
    public String toString() {
        return "TenantHost[" + hostname + " of " + tenant.slug() + ", " + routes.routes().size() + " routes]";
    }
}
