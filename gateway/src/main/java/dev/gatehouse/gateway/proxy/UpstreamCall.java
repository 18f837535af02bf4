package dev.gatehouse.gateway.proxy;

import dev.gatehouse.core.config.Route;
import dev.gatehouse.core.config.ServerlessHeader;
import dev.gatehouse.core.config.Upstream;
import java.util.Objects;

/**
 * One request to proxy: the resolved route and its upstream, the request id, the decorator that adds signed
 * headers, and whether the gateway puts a credential in {@code Authorization} (then the client's is stripped).
 */
public record UpstreamCall(
        Route route, Upstream upstream, String requestId, RequestDecorator decorator,
        boolean gatewaySetsAuthorization) {

    public UpstreamCall {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(decorator, "decorator");
        if (!route.upstream().equals(upstream.name())) {
            throw new IllegalArgumentException(
                    "route " + route.name() + " names upstream " + route.upstream() + ", not " + upstream.name());
        }
    }

    /**
     * A call without signed headers; {@code gatewaySetsAuthorization} follows the upstream: true when it uses
     * Google serverless authentication in the {@code Authorization} header.
     */
    public static UpstreamCall of(Route route, Upstream upstream, String requestId) {
        boolean authorization = upstream.serverlessAuth().enabled()
                && upstream.serverlessAuth().header() == ServerlessHeader.AUTHORIZATION;
        return new UpstreamCall(route, upstream, requestId, RequestDecorator.NONE, authorization);
    }

    public UpstreamCall withDecorator(RequestDecorator newDecorator) {
        return new UpstreamCall(route, upstream, requestId, newDecorator, gatewaySetsAuthorization);
    }

    public UpstreamCall withGatewaySetsAuthorization(boolean sets) {
        return new UpstreamCall(route, upstream, requestId, decorator, sets);
    }
}
