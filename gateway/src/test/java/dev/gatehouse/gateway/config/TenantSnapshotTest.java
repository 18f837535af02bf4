package dev.gatehouse.gateway.config;

import static dev.gatehouse.gateway.routing.TestRoutes.idp;
import static dev.gatehouse.gateway.routing.TestRoutes.route;
import static dev.gatehouse.gateway.routing.TestRoutes.upstream;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.config.Route;
import dev.gatehouse.core.config.RouteMatch;
import dev.gatehouse.core.config.RouteOptions;
import dev.gatehouse.core.config.Tenant;
import dev.gatehouse.core.policy.Policy;
import dev.gatehouse.gateway.routing.CompiledRoute;
import dev.gatehouse.gateway.routing.TestRoutes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantSnapshotTest {
    private static final UUID ID = TestRoutes.TENANT;

    @Test
    void indexesEverythingByNameAndBuildsOneRouteTablePerHostname() {
        TenantSnapshot snapshot = TenantSnapshot.compile(TestTenants.config(TestTenants.tenant(ID, "acme", 7, null),
                List.of("app.acme.test", "api.acme.test", "quiet.acme.test"),
                List.of(idp("zeta"), idp("alpha")),
                List.of(upstream("web"), upstream("api")),
                List.of(
                        onHost("z-api", "api.acme.test", RouteMatch.ANY, "api", "zeta"),
                        onHost("b-home", "app.acme.test", RouteMatch.ANY, "web", null),
                        onHost("a-home", "app.acme.test", RouteMatch.ANY, "web", "zeta"))));

        assertThat(snapshot.slug()).isEqualTo("acme");
        assertThat(snapshot.id()).isEqualTo(ID);
        assertThat(snapshot.configVersion()).isEqualTo(7);
        assertThat(snapshot.hostnames()).containsExactly("app.acme.test", "api.acme.test", "quiet.acme.test");
        assertThat(snapshot.authenticateHostname()).isEqualTo("app.acme.test");
        assertThat(snapshot.idps().keySet()).containsExactly("alpha", "zeta");
        assertThat(snapshot.defaultIdp().orElseThrow().name()).isEqualTo("alpha");
        assertThat(snapshot.upstreams().keySet()).containsExactly("api", "web");
        assertThat(snapshot.routes().keySet()).containsExactly("a-home", "b-home", "z-api");

        TenantHost app = snapshot.host("app.acme.test").orElseThrow();
        assertThat(app.tenant()).isSameAs(snapshot);
        assertThat(app.isAuthenticateHostname()).isTrue();
        // Both routes have prefix "/": the first by name wins, whatever the order loaded.
        CompiledRoute home = app.resolve("/anything").orElseThrow();
        assertThat(home.name()).isEqualTo("a-home");
        assertThat(home.upstream()).isSameAs(snapshot.upstreams().get("web"));
        assertThat(home.idp()).isSameAs(snapshot.idps().get("zeta"));
        assertThat(snapshot.route("b-home").orElseThrow().idp().name()).isEqualTo("alpha");

        TenantHost api = snapshot.host("api.acme.test").orElseThrow();
        assertThat(api.isAuthenticateHostname()).isFalse();
        assertThat(api.resolve("/v1").orElseThrow().upstream().name()).isEqualTo("api");
        assertThat(snapshot.host("quiet.acme.test").orElseThrow().routes().isEmpty()).isTrue();
        assertThat(snapshot.host("elsewhere.test")).isEmpty();
    }

    @Test
    void theExplicitAuthenticateHostnameWins() {
        Tenant tenant = TestTenants.tenant(ID, "acme", 1, "login.acme.test");
        TenantSnapshot snapshot = TenantSnapshot.compile(TestTenants.config(tenant,
                List.of("app.acme.test", "login.acme.test"), List.of(), List.of(), List.of()));
        assertThat(snapshot.authenticateHostname()).isEqualTo("login.acme.test");
        assertThat(snapshot.host("login.acme.test").orElseThrow().isAuthenticateHostname()).isTrue();
        assertThat(snapshot.host("app.acme.test").orElseThrow().isAuthenticateHostname()).isFalse();
        assertThat(snapshot.defaultIdp()).isEmpty();
    }

    @Test
    void aDefectiveRouteDeniesEverythingWithoutSpoilingTheRest() {
        JsonArray unparsable = new JsonArray().add(new JsonObject().put("allow", new JsonObject()
                .put("or", new JsonArray().add(new JsonObject().put("no_such_criterion", true)))));
        TenantSnapshot snapshot = TenantSnapshot.compile(TestTenants.config(TestTenants.tenant(ID, "acme", 3, null),
                List.of("app.acme.test"), List.of(idp("corp")), List.of(upstream("web")),
                List.of(
                        route("broken", "app.acme.test", new RouteMatch(RouteMatch.Kind.PREFIX, "/admin/"), "web",
                                "corp", unparsable, TestRoutes.publicAccess()),
                        route("home", "app.acme.test", RouteMatch.ANY, "web", null, null,
                                TestRoutes.publicAccess()),
                        route("stray", "other.example.test", RouteMatch.ANY, "web", null, null,
                                TestRoutes.publicAccess()))));
        TenantHost app = snapshot.host("app.acme.test").orElseThrow();
        assertThat(app.resolve("/admin/users").orElseThrow().policy()).isSameAs(Policy.DENY_ALL);
        assertThat(app.resolve("/").orElseThrow().name()).isEqualTo("home");
        assertThat(app.resolve("/").orElseThrow().policy()).isNotSameAs(Policy.DENY_ALL);
        assertThat(app.routes().routes()).extracting(CompiledRoute::name).containsExactly("broken", "home");
        assertThat(snapshot.hosts().keySet()).containsExactly("app.acme.test");
    }

    private static Route onHost(String name, String hostname, RouteMatch match, String upstream, String idp) {
        return route(name, hostname, match, upstream, idp, null, idp == null ? TestRoutes.publicAccess()
                : RouteOptions.NONE);
    }
}
