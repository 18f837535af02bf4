package dev.gatehouse.gateway.config;

import dev.gatehouse.core.config.Hostname;
import dev.gatehouse.core.config.Idp;
import dev.gatehouse.core.config.Route;
import dev.gatehouse.core.config.Tenant;
import dev.gatehouse.core.config.TenantConfig;
import dev.gatehouse.core.config.Upstream;
import dev.gatehouse.gateway.routing.CompiledRoute;
import dev.gatehouse.gateway.routing.RouteCompiler;
import dev.gatehouse.gateway.routing.RouteTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the data plane needs of one tenant, compiled once from a {@link TenantConfig} and never changed:
 * a configuration change produces a new snapshot. Safe to share between threads.
 *
 * <p>Each of the tenant's hostnames gets a {@link TenantHost} with its {@link RouteTable} (routes in name order);
 * a route whose hostname is not the tenant's (which the database prevents) is left out and logged. The default
 * IdP, used by routes that name none, is the tenant's first IdP by name.
 */
public final class TenantSnapshot {
    private static final Logger LOG = LoggerFactory.getLogger(TenantSnapshot.class);

    private final TenantConfig config;
    private final List<String> hostnames;
    private final Map<String, Idp> idps;
    private final Map<String, Upstream> upstreams;
    private final Map<String, CompiledRoute> routes;
    private final Map<String, TenantHost> hosts;

    private TenantSnapshot(TenantConfig config) {
        this.config = config;
        this.hostnames = config.hostnames().stream().map(Hostname::hostname).toList();
        this.idps = byName(config.idps(), Idp::name);
        this.upstreams = byName(config.upstreams(), Upstream::name);
        RouteCompiler compiler = new RouteCompiler(config.tenant().slug(), upstreams, idps);
        Map<String, CompiledRoute> compiled = new LinkedHashMap<>();
        Map<String, List<CompiledRoute>> perHost = new LinkedHashMap<>();
        hostnames.forEach(h -> perHost.put(h, new ArrayList<>()));
        List<Route> inNameOrder = config.routes().stream().sorted(Comparator.comparing(Route::name)).toList();
        for (Route route : inNameOrder) {
            CompiledRoute c = compiler.compile(route);
            compiled.put(route.name(), c);
            List<CompiledRoute> hostRoutes = perHost.get(c.hostname());
            if (hostRoutes == null) {
                LOG.error("route {} of tenant {} listens on {}, not one of the tenant's hostnames; it is ignored",
                        route.name(), config.tenant().slug(), c.hostname());
            } else {
                hostRoutes.add(c);
            }
        }
        this.routes = Collections.unmodifiableMap(compiled);
        Map<String, TenantHost> byHost = new LinkedHashMap<>();
        perHost.forEach((h, list) -> byHost.put(h, new TenantHost(h, this, RouteTable.of(list))));
        this.hosts = Collections.unmodifiableMap(byHost);
    }

    /** Compiles {@code config}: every route's policy, regex and references, once. Never fails on a bad route. */
    public static TenantSnapshot compile(TenantConfig config) {
        return new TenantSnapshot(config);
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> map = new LinkedHashMap<>();
        items.stream()
                .sorted(Comparator.comparing(name))
                .forEach(item -> map.putIfAbsent(name.apply(item), item));
        return Collections.unmodifiableMap(map);
    }

    /** The configuration this snapshot was compiled from. */
    public TenantConfig config() {
        return config;
    }

    public Tenant tenant() {
        return config.tenant();
    }

    public UUID id() {
        return config.tenant().id();
    }

    public String slug() {
        return config.tenant().slug();
    }

    /** The tenant's config version this snapshot reflects. */
    public long configVersion() {
        return config.tenant().configVersion();
    }

    /** The tenant's hostnames in registration order. */
    public List<String> hostnames() {
        return hostnames;
    }

    /** Where login happens: the explicit choice, else the first hostname; null when the tenant has none. */
    public String authenticateHostname() {
        return config.effectiveAuthenticateHostname();
    }

    /** IdPs by name, in name order. */
    public Map<String, Idp> idps() {
        return idps;
    }

    public Optional<Idp> idp(String name) {
        return Optional.ofNullable(idps.get(name));
    }

    /** The IdP of routes that name none: the first by name; empty when the tenant has no IdP. */
    public Optional<Idp> defaultIdp() {
        return idps.values().stream().findFirst();
    }

    /** Upstreams by name, in name order. */
    public Map<String, Upstream> upstreams() {
        return upstreams;
    }

    public Optional<Upstream> upstream(String name) {
        return Optional.ofNullable(upstreams.get(name));
    }

    /** Every compiled route by name, in name order. */
    public Map<String, CompiledRoute> routes() {
        return routes;
    }

    public Optional<CompiledRoute> route(String name) {
        return Optional.ofNullable(routes.get(name));
    }

    /** The tenant's hostnames with their route tables, in registration order. */
    public Map<String, TenantHost> hosts() {
        return hosts;
    }

    /** The host entry of {@code hostname} (lower-case, no port). */
    public Optional<TenantHost> host(String hostname) {
        return Optional.ofNullable(hosts.get(hostname));
    }

    @Override
    public String toString() {
        return "TenantSnapshot[" + slug() + " v" + configVersion() + ", hosts=" + hostnames + ", routes="
                + routes.keySet() + "]";
    }
}
