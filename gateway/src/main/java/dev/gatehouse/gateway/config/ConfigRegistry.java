package dev.gatehouse.gateway.config;

import io.vertx.core.Future;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Holds the current {@link GatewayConfig} for the request path. Readers take no lock and make no database call;
 * a change swaps in a whole new configuration at once, so a request sees one consistent version throughout
 * (read {@link #current()} once per request).
 */
public interface ConfigRegistry {

    /** The configuration in force ({@link GatewayConfig#EMPTY} until loaded). */
    GatewayConfig current();

    /** The tenant hostname named by a {@code Host} header; see {@link GatewayConfig#lookup}. */
    default Optional<TenantHost> lookup(String hostHeader) {
        return current().lookup(hostHeader);
    }

    /** Whether the first full load has completed (a gateway should not report ready before). */
    boolean isLoaded();

    /**
     * Calls {@code listener} after each tenant change has been swapped in (so {@link #current()} already shows it),
     * one call per tenant, on the registry's event-loop context: it must not block. Meant for caches keyed by
     * tenant or hostname (sessions, assertion keys, token caches) that must drop what a change invalidated.
     */
    void onTenantChanged(Consumer<TenantChange> listener);

    /** Reloads every tenant now; completes once the result is in force. */
    Future<Void> resync();
}
