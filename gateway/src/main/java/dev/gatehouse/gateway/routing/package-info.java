/**
 * Route resolution within one hostname of a tenant.
 *
 * <ul>
 * <li>{@link dev.gatehouse.gateway.routing.RouteCompiler} turns a core {@code Route} into a
 *     {@link dev.gatehouse.gateway.routing.CompiledRoute}: upstream and IdP resolved (a route without an IdP gets
 *     the tenant's default, the first by name), effective policy compiled
 *     ({@link dev.gatehouse.core.config.RoutePolicy}), regex precompiled. Defective routes deny everything
 *     and are logged; they never fail a snapshot.</li>
 * <li>{@link dev.gatehouse.gateway.routing.RouteTable#resolve(String)}: exact path, then longest prefix, then
 *     regex routes in name order; on the path as given (case-sensitive, not decoded). Exact and prefix lookups
 *     cost the same however many routes there are.</li>
 * </ul>
 * Snapshots (package {@code dev.gatehouse.gateway.config}) build one table per hostname, once per change.
 */
package dev.gatehouse.gateway.routing;
