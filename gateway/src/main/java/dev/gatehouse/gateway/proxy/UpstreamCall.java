package dev.gatehouse.gateway.proxy;

import dev.gatehouse.core.config.Route;
import dev.gatehouse.core.config.Upstream;
import java.util.Objects;

/**
 * One request to proxy: the resolved route's {@link UpstreamEndpoint}, the request id, the decorator that adds
 * signed headers, and whether the gateway puts a credential in {@code Authorization} (then the client's is
 * stripped).
 */
public record UpstreamCall(
        UpstreamEndpoint endpoint, String requestId, RequestDecorator decorator, boolean gatewaySetsAuthorization) {

    public UpstreamCall {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(decorator, "decorator");
    }

    /**
     * A call without signed headers; {@code gatewaySetsAuthorization} follows the upstream: true when it uses
     * Google serverless authentication in the {@code Authorization} header.
     */
    public static UpstreamCall of(UpstreamEndpoint endpoint, String requestId) {
        return new UpstreamCall(endpoint, requestId, RequestDecorator.NONE, endpoint.gatewaySetsAuthorization());
    }

    /** As {@link #of(UpstreamEndpoint, String)}, resolving the endpoint now. */
    public static UpstreamCall of(Route route, Upstream upstream, String requestId) {
        return of(UpstreamEndpoint.of(route, upstream), requestId);
    }

    public Route route() {
        return endpoint.route();
    }

    public Upstream upstream() {
        return endpoint.upstream();
    }

    public UpstreamCall withDecorator(RequestDecorator newDecorator) {
        return new UpstreamCall(endpoint, requestId, newDecorator, gatewaySetsAuthorization);
    }

    public UpstreamCall withGatewaySetsAuthorization(boolean sets) {
        return new UpstreamCall(endpoint, requestId, decorator, sets);
    }
}
