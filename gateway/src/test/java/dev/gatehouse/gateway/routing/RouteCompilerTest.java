package dev.gatehouse.gateway.routing;

import static dev.gatehouse.gateway.routing.TestRoutes.idp;
import static dev.gatehouse.gateway.routing.TestRoutes.route;
import static dev.gatehouse.gateway.routing.TestRoutes.upstream;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.config.Idp;
import dev.gatehouse.core.config.RouteMatch;
import dev.gatehouse.core.config.RouteOptions;
import dev.gatehouse.core.policy.Decision;
import dev.gatehouse.core.policy.Policy;
import dev.gatehouse.core.policy.PolicyInput;
import dev.gatehouse.core.policy.Principal;
import dev.gatehouse.core.policy.RequestFacts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteCompilerTest {
    private static final RouteMatch ANY = RouteMatch.ANY;
    private static final Principal ALICE = new Principal("u-1", "alice@acme.test", List.of("staff"), Map.of());
    private static final JsonArray ALICE_ONLY = new JsonArray().add(new JsonObject().put("allow",
            new JsonObject().put("or", new JsonArray().add(new JsonObject().put("email", "alice@acme.test")))));

    private final RouteCompiler compiler = compiler(idp("alpha"), idp("zeta"));

    @Test
    void resolvesTheNamedIdpElseTheTenantsFirst() {
        assertThat(compiler.compile(route("named", "h.test", ANY, "web", "zeta", null, RouteOptions.NONE))
                .idp().name()).isEqualTo("zeta");
        assertThat(compiler.compile(route("unnamed", "h.test", ANY, "web", null, null, TestRoutes.publicAccess()))
                .idp().name()).isEqualTo("alpha");
        assertThat(compiler().compile(route("none", "h.test", ANY, "web", null, null, TestRoutes.publicAccess()))
                .idp()).isNull();
    }

    @Test
    void compilesTheRoutesPolicyWithItsOwnRuleNumbers() {
        CompiledRoute route = compiler.compile(route("r", "h.test", ANY, "web", "alpha", ALICE_ONLY,
                RouteOptions.NONE));
        assertThat(route.upstream().name()).isEqualTo("web");
        assertThat(route.regex()).isNull();
        assertThat(evaluate(route, ALICE).reasons()).contains("allowed-by-rule-1");
        Decision anonymous = evaluate(route, null);
        assertThat(anonymous.allowed()).isFalse();
        assertThat(anonymous.requiresLogin()).isTrue();
    }

    @Test
    void publicAccessAllowsAnonymousUsersButTheRoutesDenyRulesStillApply() {
        JsonArray denyAdmin = new JsonArray().add(new JsonObject().put("deny", new JsonObject().put("or",
                new JsonArray().add(new JsonObject().put("http_path", new JsonObject().put("starts_with", "/admin"))))));
        CompiledRoute route = compiler.compile(route("pub", "h.test", ANY, "web", null, denyAdmin,
                TestRoutes.publicAccess()));
        assertThat(route.policy().evaluate(input(null, "/home")).allowed()).isTrue();
        assertThat(route.policy().evaluate(input(null, "/admin/x")).allowed()).isFalse();
    }

    @Test
    void anyAuthenticatedUserNeedsASignedInUser() {
        CompiledRoute route = compiler.compile(route("any", "h.test", ANY, "web", "alpha", null,
                TestRoutes.anyAuthenticatedUser()));
        assertThat(evaluate(route, null).requiresLogin()).isTrue();
        assertThat(evaluate(route, new Principal("u-2", "bob@elsewhere.test", List.of(), Map.of())).allowed())
                .isTrue();
    }

    @Test
    void corsPreflightSwitchAllowsOnlyPreflights() {
        CompiledRoute route = compiler.compile(route("cors", "h.test", ANY, "web", "alpha", null,
                new RouteOptions(false, false, false, true, false)));
        var preflight = new PolicyInput(null, new RequestFacts("OPTIONS", "/", null, Instant.EPOCH, true));
        assertThat(route.policy().evaluate(preflight).allowed()).isTrue();
        assertThat(evaluate(route, null).allowed()).isFalse();
    }

    @Test
    void aPolicyThatNoLongerParsesDeniesEverythingEvenOnAPublicRoute() {
        JsonArray broken = new JsonArray().add(new JsonObject().put("allow", new JsonObject().put("or",
                new JsonArray().add(new JsonObject().put("email", new JsonObject().put("equals", "x"))))));
        CompiledRoute route = compiler.compile(route("broken", "h.test", ANY, "web", null, broken,
                TestRoutes.publicAccess()));
        assertThat(route.policy()).isSameAs(Policy.DENY_ALL);
        assertThat(evaluate(route, null).allowed()).isFalse();
        assertThat(evaluate(route, ALICE).allowed()).isFalse();
        assertThat(route.upstream().name()).isEqualTo("web");
    }

    @Test
    void unknownReferencesDenyEverything() {
        CompiledRoute noUpstream = compiler.compile(route("u", "h.test", ANY, "gone", "alpha", ALICE_ONLY,
                TestRoutes.publicAccess()));
        assertThat(noUpstream.upstream()).isNull();
        assertThat(noUpstream.policy()).isSameAs(Policy.DENY_ALL);
        CompiledRoute noIdp = compiler.compile(route("i", "h.test", ANY, "web", "gone", ALICE_ONLY,
                RouteOptions.NONE));
        assertThat(noIdp.idp()).isNull();
        assertThat(evaluate(noIdp, ALICE).allowed()).isFalse();
    }

    @Test
    void anInvalidRegexFailsClosedAtItsPlace() {
        CompiledRoute route = compiler.compile(route("rx", "h.test", new RouteMatch(RouteMatch.Kind.REGEX, "/(a"),
                "web", "alpha", ALICE_ONLY, TestRoutes.publicAccess()));
        RouteTable table = RouteTable.of(List.of(route, compiler.compile(route("rx2", "h.test",
                new RouteMatch(RouteMatch.Kind.REGEX, "/open/.*"), "web", null, null, TestRoutes.publicAccess()))));
        assertThat(table.resolve("/open/x").orElseThrow().name()).isEqualTo("rx");
        assertThat(route.policy()).isSameAs(Policy.DENY_ALL);
    }

    private static RouteCompiler compiler(Idp... idps) {
        Map<String, Idp> byName = new LinkedHashMap<>();
        for (Idp idp : idps) {
            byName.put(idp.name(), idp);
        }
        return new RouteCompiler("acme", Map.of("web", upstream("web")), byName);
    }

    private static Decision evaluate(CompiledRoute route, Principal user) {
        return route.policy().evaluate(input(user, "/"));
    }

    private static PolicyInput input(Principal user, String path) {
        return new PolicyInput(user, new RequestFacts("GET", path, null, Instant.EPOCH, false));
    }
}
