package dev.gatehouse.gateway.config;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The whole data plane configuration at one moment: every tenant's snapshot, indexed by hostname, slug and id.
 * Immutable; a change produces a new instance (copying the indexes, which is cheap next to a database round trip
 * and happens only on configuration changes).
 *
 * <p>Hostnames are unique across tenants in the database. Should two snapshots claim the same hostname (a tenant
 * whose newer snapshot took over a hostname another tenant's older snapshot still lists), the snapshot added last
 * owns it.
 */
public final class GatewayConfig {
    public static final GatewayConfig EMPTY = new GatewayConfig(Map.of(), Map.of(), Map.of());

    private final Map<String, TenantHost> byHostname;
    private final Map<String, TenantSnapshot> bySlug;
    private final Map<UUID, TenantSnapshot> byId;

    private GatewayConfig(Map<String, TenantHost> byHostname, Map<String, TenantSnapshot> bySlug,
            Map<UUID, TenantSnapshot> byId) {
        this.byHostname = byHostname;
        this.bySlug = bySlug;
        this.byId = byId;
    }

    /** A configuration of {@code snapshots}, added in the order given. */
    public static GatewayConfig of(Collection<TenantSnapshot> snapshots) {
        Map<String, TenantSnapshot> slugs = new LinkedHashMap<>();
        snapshots.forEach(s -> slugs.put(s.slug(), s));
        return build(slugs);
    }

    /** This configuration with {@code snapshot} replacing the tenant of the same slug (or added). */
    public GatewayConfig with(TenantSnapshot snapshot) {
        Map<String, TenantSnapshot> slugs = new LinkedHashMap<>(bySlug);
        slugs.remove(snapshot.slug());
        slugs.put(snapshot.slug(), snapshot);
        return build(slugs);
    }

    /** This configuration without the tenant {@code slug} and its hostnames. */
    public GatewayConfig without(String slug) {
        if (!bySlug.containsKey(slug)) {
            return this;
        }
        Map<String, TenantSnapshot> slugs = new LinkedHashMap<>(bySlug);
        slugs.remove(slug);
        return build(slugs);
    }

    private static GatewayConfig build(Map<String, TenantSnapshot> slugs) {
        Map<String, TenantHost> hosts = new HashMap<>();
        Map<UUID, TenantSnapshot> ids = new HashMap<>();
        for (TenantSnapshot snapshot : slugs.values()) {
            hosts.putAll(snapshot.hosts());
            ids.put(snapshot.id(), snapshot);
        }
        return new GatewayConfig(Map.copyOf(hosts), Collections.unmodifiableMap(slugs), Map.copyOf(ids));
    }

    /**
     * The tenant hostname a request's {@code Host} header names (port ignored, case-insensitive), or empty for an
     * unknown host. The hot path: a hash lookup, allocating only when the header has a port or capitals.
     */
    public Optional<TenantHost> lookup(String hostHeader) {
        String hostname = HostHeaders.hostname(hostHeader);
        return hostname == null ? Optional.empty() : Optional.ofNullable(byHostname.get(hostname));
    }

    public Optional<TenantSnapshot> tenant(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    public Optional<TenantSnapshot> tenantById(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every tenant, in the order added (a full load adds them by slug). */
    public Collection<TenantSnapshot> tenants() {
        return bySlug.values();
    }

    /** Every hostname served, with its tenant. */
    public Map<String, TenantHost> hosts() {
        return byHostname;
    }

    @Override
    public String toString() {
        return "GatewayConfig[" + bySlug.size() + " tenants, " + byHostname.size() + " hostnames]";
    }
}
