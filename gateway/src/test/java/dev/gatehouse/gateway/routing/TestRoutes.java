package dev.gatehouse.gateway.routing;

import dev.gatehouse.core.config.HeaderRules;
import dev.gatehouse.core.config.Idp;
import dev.gatehouse.core.config.ResourceMeta;
import dev.gatehouse.core.config.Route;
import dev.gatehouse.core.config.RouteFrom;
import dev.gatehouse.core.config.RouteMatch;
import dev.gatehouse.core.config.RouteOptions;
import dev.gatehouse.core.config.ServerlessAuth;
import dev.gatehouse.core.config.Upstream;
import io.vertx.core.json.JsonArray;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Configuration records for tests, as the store would load them. */
public final class TestRoutes {
    public static final UUID TENANT = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");

    private TestRoutes() {
    }

    public static ResourceMeta meta() {
        return new ResourceMeta(UUID.randomUUID(), TENANT, 1, AT, AT);
    }

    public static Route route(String name, RouteMatch.Kind kind, String value) {
        return route(name, "app.acme.test", new RouteMatch(kind, value), "web", "corp", new JsonArray(),
                RouteOptions.NONE);
    }

    /** A route with every part that matters to compilation given. */
    public static Route route(String name, String hostname, RouteMatch match, String upstream, String idp,
            JsonArray policy, RouteOptions options) {
        return new Route(meta(), name, new RouteFrom("https", hostname), match, upstream, idp, policy, options,
                HeaderRules.NONE, null);
    }

    public static Upstream upstream(String name) {
        return new Upstream(meta(), name, "https://" + name + ".run.app", ServerlessAuth.DISABLED, "10s", "30s");
    }

    public static Idp idp(String name) {
        return new Idp(meta(), name, "https://login.example.com/" + name, "client-" + name, new byte[] {1, 2, 3},
                List.of("openid", "email"), "groups");
    }

    public static RouteOptions publicAccess() {
        return new RouteOptions(false, true, false, false, false);
    }

    public static RouteOptions anyAuthenticatedUser() {
        return new RouteOptions(false, false, true, false, false);
    }
}
