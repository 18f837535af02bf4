package dev.gatehouse.gateway.proxy;

import dev.gatehouse.core.config.Route;
import dev.gatehouse.core.config.ServerlessHeader;
import dev.gatehouse.core.config.Upstream;
import io.vertx.core.net.SocketAddress;
import java.util.Objects;

/**
 * A route's upstream, resolved once (per configuration snapshot) instead of per request: where to connect
 * ({@link UpstreamTarget}, from the upstream's URL), the timeouts ({@link UpstreamTimeouts}) and whether the gateway
 * puts a credential in {@code Authorization}. An unusable URL or duration is kept as the reason, so the request that
 * meets it is answered 502 ({@code upstream_misconfigured}) as before, and building this never fails.
 */
public final class UpstreamEndpoint {
    private final Route route;
    private final Upstream upstream;
    private final UpstreamTarget target;
    private final SocketAddress server;
    private final UpstreamTimeouts timeouts;
    private final IllegalArgumentException misconfiguration;
    private final boolean gatewaySetsAuthorization;

    private UpstreamEndpoint(Route route, Upstream upstream, UpstreamTarget target, UpstreamTimeouts timeouts,
            IllegalArgumentException misconfiguration) {
        this.route = route;
        this.upstream = upstream;
        this.target = target;
        this.server = target == null ? null : SocketAddress.inetSocketAddress(target.port(), target.connectHost());
        this.timeouts = timeouts;
        this.misconfiguration = misconfiguration;
        this.gatewaySetsAuthorization = upstream.serverlessAuth().enabled()
                && upstream.serverlessAuth().header() == ServerlessHeader.AUTHORIZATION;
    }

    /** @throws IllegalArgumentException when {@code route} names another upstream */
    public static UpstreamEndpoint of(Route route, Upstream upstream) {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(upstream, "upstream");
        if (!route.upstream().equals(upstream.name())) {
            throw new IllegalArgumentException(
                    "route " + route.name() + " names upstream " + route.upstream() + ", not " + upstream.name());
        }
        try {
            return new UpstreamEndpoint(route, upstream, UpstreamTarget.parse(upstream.url()),
                    UpstreamTimeouts.of(route, upstream), null);
        } catch (IllegalArgumentException e) {
            return new UpstreamEndpoint(route, upstream, null, null, e);
        }
    }

    public Route route() {
        return route;
    }

    public Upstream upstream() {
        return upstream;
    }

    /** True when the upstream uses Google serverless authentication in the {@code Authorization} header. */
    public boolean gatewaySetsAuthorization() {
        return gatewaySetsAuthorization;
    }

    /** Null when the upstream is {@link #misconfiguration() misconfigured}. */
    UpstreamTarget target() {
        return target;
    }

    /** The address to connect to (resolved by Vert.x when it connects); null when misconfigured. */
    SocketAddress server() {
        return server;
    }

    /** Null when the upstream is {@link #misconfiguration() misconfigured}. */
    UpstreamTimeouts timeouts() {
        return timeouts;
    }

    /** Why the URL or a timeout cannot be used; null when both can. */
    IllegalArgumentException misconfiguration() {
        return misconfiguration;
    }
}
