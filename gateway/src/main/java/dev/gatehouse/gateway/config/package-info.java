/**
 * Configuration on the hot path: immutable snapshots, swapped atomically when the database says something changed.
 *
 * <ul>
 * <li>{@link dev.gatehouse.gateway.config.TenantSnapshot}: one tenant compiled once (hostnames, effective
 *     authenticate hostname, IdPs and upstreams by name, one route table per hostname).</li>
 * <li>{@link dev.gatehouse.gateway.config.GatewayConfig}: every snapshot by hostname (lower-case, no port), slug
 *     and id; {@link dev.gatehouse.gateway.config.GatewayConfig#lookup(String)} takes a {@code Host} header and
 *     gives a {@link dev.gatehouse.gateway.config.TenantHost}: the hostname, its tenant and its routes.</li>
 * <li>{@link dev.gatehouse.gateway.config.ConfigRegistry}: the current configuration, change listeners, readiness;
 *     {@link dev.gatehouse.gateway.config.ListeningConfigRegistry} keeps it current from PostgreSQL
 *     ({@code LISTEN gatehouse_config}, per-tenant reloads, periodic and post-reconnect resyncs).</li>
 * </ul>
 *
 * <p>Per request: {@code registry.lookup(request.authority/Host)} then {@code host.resolve(path)}; no lock, no
 * database call. Read {@code registry.current()} once per request when several lookups must agree.
 */
package dev.gatehouse.gateway.config;
