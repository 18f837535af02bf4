package dev.gatehouse.gateway.proxy;

import dev.gatehouse.core.config.HeaderRules;
import dev.gatehouse.core.config.ResourceMeta;
import dev.gatehouse.core.config.Route;
import dev.gatehouse.core.config.RouteFrom;
import dev.gatehouse.core.config.RouteMatch;
import dev.gatehouse.core.config.RouteOptions;
import dev.gatehouse.core.config.ServerlessAuth;
import dev.gatehouse.core.config.ServerlessHeader;
import dev.gatehouse.core.config.Upstream;
import java.util.UUID;

/** core.config records for tests. */
final class Routes {
    static final UUID TENANT = UUID.randomUUID();

    private Routes() {
    }

    /**
     * An upstream with a connect timeout far above what a connection (TLS handshake included) takes even on a loaded
     * machine: these tests reach upstreams that answer at once or refuse at once, never one that is slow to accept.
     */
    static Upstream upstream(String url) {
        return new Upstream(ResourceMeta.draft(TENANT), "app", url, ServerlessAuth.DISABLED, "30s", null);
    }

    static Upstream cloudRunWithAuthorizationHeader(String url) {
        return new Upstream(ResourceMeta.draft(TENANT), "app", url,
                new ServerlessAuth(true, null, ServerlessHeader.AUTHORIZATION, null), null, null);
    }

    static Route route() {
        return route(RouteOptions.NONE, HeaderRules.NONE, null);
    }

    static Route websocketRoute() {
        return route(new RouteOptions(false, false, false, false, true), HeaderRules.NONE, null);
    }

    static Route route(RouteOptions options, HeaderRules headers, String timeout) {
        return new Route(ResourceMeta.draft(TENANT), "main", new RouteFrom("https", "app.acme.example"),
                RouteMatch.ANY, "app", null, null, options, headers, timeout);
    }
}
