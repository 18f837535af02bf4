package dev.gatehouse.gateway.config;

import java.util.Objects;

/**
 * A tenant's snapshot was replaced, added or removed.
 *
 * @param slug   the tenant's slug
 * @param before the snapshot served until now, null when the tenant is new to this gateway
 * @param after  the snapshot served from now on, null when the tenant was deleted
 */
public record TenantChange(String slug, TenantSnapshot before, TenantSnapshot after) {

    public TenantChange {
        Objects.requireNonNull(slug, "slug");
        if (before == null && after == null) {
            throw new IllegalArgumentException("a change needs a snapshot before or after");
        }
    }

    public boolean removed() {
        return after == null;
    }

    public boolean added() {
        return before == null;
    }
}
