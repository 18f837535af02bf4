package dev.gatehouse.bench.jmh;

import dev.gatehouse.core.config.Hostname;
import dev.gatehouse.core.config.Idp;
import dev.gatehouse.core.config.ResourceMeta;
import dev.gatehouse.core.config.Route;
import dev.gatehouse.core.config.RouteFrom;
import dev.gatehouse.core.config.RouteMatch;
import dev.gatehouse.core.config.ServerlessAuth;
import dev.gatehouse.core.config.Tenant;
import dev.gatehouse.core.config.TenantConfig;
import dev.gatehouse.core.config.Upstream;
import dev.gatehouse.gateway.config.GatewayConfig;
import dev.gatehouse.gateway.config.TenantSnapshot;
import io.vertx.core.json.JsonArray;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Tenant configurations shaped like the store's, built in memory: tenant {@code t} owns the hostname
 * {@link #hostname(int)}, one upstream, one IdP and {@code routesPerTenant} routes on that hostname:
 * {@link #REGEX_ROUTES} regex routes ({@code /r0/[0-9]+}, …), an exact {@code path} route for every index ending in 2
 * ({@code /sN/health}), and prefix routes ({@code /sN/}) for the rest, where N is the route's index.
 */
final class SyntheticTenants {
    static final int REGEX_ROUTES = 2;
    private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");
    private static final JsonArray POLICY = new JsonArray(
            "[{\"allow\":{\"or\":[{\"domain\":{\"is\":\"example.com\"}},{\"groups\":{\"has\":\"admins\"}}]}}]");

    private SyntheticTenants() {
    }

    static String hostname(int tenant) {
        return "app.tenant-" + tenant + ".example";
    }

    /** The path of an exact route of every tenant with at least {@code index + 1} routes (index ending in 2). */
    static String exactPath(int index) {
        return "/s" + index + "/health";
    }

    /** A path under the prefix route {@code /sN/} (index ending in 3 to 9). */
    static String prefixedPath(int index) {
        return "/s" + index + "/api/v1/items/42";
    }

    /** A path only the last regex route matches (exact and prefix lookups miss first). */
    static String regexPath() {
        return "/r" + (REGEX_ROUTES - 1) + "/12345";
    }

    static GatewayConfig gatewayConfig(int tenants, int routesPerTenant) {
        List<TenantSnapshot> snapshots = new ArrayList<>(tenants);
        for (int t = 0; t < tenants; t++) {
            snapshots.add(TenantSnapshot.compile(tenant(t, routesPerTenant)));
        }
        return GatewayConfig.of(snapshots);
    }

    static TenantConfig tenant(int t, int routesPerTenant) {
        UUID id = UUID.nameUUIDFromBytes(("tenant-" + t).getBytes(StandardCharsets.UTF_8));
        ResourceMeta meta = new ResourceMeta(id, id, 1, AT, AT);
        String hostname = hostname(t);
        Tenant tenant = new Tenant(id, "tenant-" + t, "Tenant " + t, "ops@tenant-" + t + ".example", null, false, 1,
                1, AT, AT);
        Upstream upstream = new Upstream(meta, "web", "http://127.0.0.1:9", ServerlessAuth.DISABLED, null, null);
        Idp idp = new Idp(meta, "main", "https://idp.tenant-" + t + ".example", "client", null, Idp.DEFAULT_SCOPES,
                Idp.DEFAULT_GROUPS_CLAIM);
        List<Route> routes = new ArrayList<>(routesPerTenant);
        for (int i = 0; i < routesPerTenant; i++) {
            routes.add(new Route(meta, String.format("route-%06d", i), new RouteFrom("https", hostname), match(i),
                    "web", "main", POLICY, null, null, null));
        }
        return new TenantConfig(tenant, List.of(new Hostname(id, hostname, 1, AT)), List.of(idp), List.of(upstream),
                routes);
    }

    private static RouteMatch match(int index) {
        if (index < REGEX_ROUTES) {
            return new RouteMatch(RouteMatch.Kind.REGEX, "/r" + index + "/[0-9]+");
        }
        if (index % 10 == 2) {
            return new RouteMatch(RouteMatch.Kind.PATH, exactPath(index));
        }
        return new RouteMatch(RouteMatch.Kind.PREFIX, "/s" + index + "/");
    }
}
