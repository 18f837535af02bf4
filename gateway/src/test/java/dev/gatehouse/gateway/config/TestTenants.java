package dev.gatehouse.gateway.config;

import dev.gatehouse.core.config.Hostname;
import dev.gatehouse.core.config.Idp;
import dev.gatehouse.core.config.Route;
import dev.gatehouse.core.config.Tenant;
import dev.gatehouse.core.config.TenantConfig;
import dev.gatehouse.core.config.Upstream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Hand-built tenant configurations, shaped like the store's. */
final class TestTenants {
    private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");

    private TestTenants() {
    }

    static Tenant tenant(UUID id, String slug, long configVersion, String authenticateHostname) {
        return new Tenant(id, slug, slug + " Inc.", "ops@" + slug + ".test", authenticateHostname, false,
                configVersion, 1, AT, AT);
    }

    static List<Hostname> hostnames(UUID tenant, String... names) {
        return java.util.Arrays.stream(names).map(h -> new Hostname(tenant, h, 1, AT)).toList();
    }

    static TenantConfig config(Tenant tenant, List<String> hostnames, List<Idp> idps, List<Upstream> upstreams,
            List<Route> routes) {
        return new TenantConfig(tenant, hostnames(tenant.id(), hostnames.toArray(new String[0])), idps, upstreams,
                routes);
    }

    /** A tenant with the given hostnames and no IdP, upstream or route. */
    static TenantSnapshot bare(String slug, long configVersion, String... hostnames) {
        Tenant tenant = tenant(UUID.nameUUIDFromBytes(slug.getBytes()), slug, configVersion, null);
        return TenantSnapshot.compile(config(tenant, List.of(hostnames), List.of(), List.of(), List.of()));
    }
}
