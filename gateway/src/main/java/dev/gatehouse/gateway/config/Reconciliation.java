package dev.gatehouse.gateway.config;

import dev.gatehouse.core.config.TenantConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration after a full load, and the tenant changes it brings. A tenant whose id and config version
 * are unchanged keeps its snapshot (nothing is recompiled, no change is reported). One tenant that fails to compile
 * (route defects never do; see RouteCompiler) does not stop the others.
 */
record Reconciliation(GatewayConfig config, List<TenantChange> changes) {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);

    static Reconciliation of(GatewayConfig before, List<TenantConfig> loaded) {
        List<TenantSnapshot> snapshots = new ArrayList<>(loaded.size());
        List<TenantChange> changes = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (TenantConfig config : loaded) {
            String slug = config.tenant().slug();
            present.add(slug);
            TenantSnapshot old = before.tenant(slug).orElse(null);
            if (isCurrent(old, config)) {
                snapshots.add(old);
                continue;
            }
            try {
                TenantSnapshot fresh = TenantSnapshot.compile(config);
                snapshots.add(fresh);
                changes.add(new TenantChange(slug, old, fresh));
            } catch (RuntimeException e) {
                LOG.error("tenant {} could not be compiled; {}", slug,
                        old == null ? "it is not served" : "its previous snapshot stays in force", e);
                if (old != null) {
                    snapshots.add(old);
                }
            }
        }
        for (TenantSnapshot old : before.tenants()) {
            if (!present.contains(old.slug())) {
                changes.add(new TenantChange(old.slug(), old, null));
            }
        }
        return new Reconciliation(GatewayConfig.of(snapshots), List.copyOf(changes));
    }

    /** The configuration after loading one tenant ({@code loaded} empty: it no longer exists). */
    static Reconciliation ofTenant(GatewayConfig before, String slug, Optional<TenantConfig> loaded) {
        TenantSnapshot old = before.tenant(slug).orElse(null);
        if (loaded.isEmpty()) {
            return old == null ? new Reconciliation(before, List.of())
                    : new Reconciliation(before.without(slug), List.of(new TenantChange(slug, old, null)));
        }
        if (isCurrent(old, loaded.get())) {
            return new Reconciliation(before, List.of());
        }
        TenantSnapshot fresh = TenantSnapshot.compile(loaded.get());
        return new Reconciliation(before.with(fresh), List.of(new TenantChange(slug, old, fresh)));
    }

    static boolean isCurrent(TenantSnapshot snapshot, TenantConfig config) {
        return snapshot != null
                && snapshot.id().equals(config.tenant().id())
                && snapshot.configVersion() == config.tenant().configVersion();
    }
}
