package dev.gatehouse.gateway.routing;

import static dev.gatehouse.core.config.RouteMatch.Kind.PATH;
import static dev.gatehouse.core.config.RouteMatch.Kind.PREFIX;
import static dev.gatehouse.core.config.RouteMatch.Kind.REGEX;
import static dev.gatehouse.gateway.routing.TestRoutes.route;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.config.Route;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RouteTableTest {
    private static final String NONE = "(none)";

    private static final RouteTable TABLE = table(
            route("exact-login", PATH, "/login"),
            route("exact-api", PATH, "/api"),
            route("prefix-api", PREFIX, "/api"),
            route("prefix-api-v1", PREFIX, "/api/v1/"),
            route("prefix-docs", PREFIX, "/docs/"),
            route("regex-a-numbered-file", REGEX, "/files/[0-9]+"),
            route("regex-b-any-file", REGEX, "/files/.*"),
            route("exact-capital", PATH, "/Admin"),
            route("exact-encoded", PATH, "/a%2Fb"),
            route("prefix-encoded-space", PREFIX, "/my%20docs/"));

    static Stream<Arguments> paths() {
        return Stream.of(
                Arguments.of("/login", "exact-login"),
                Arguments.of("/login/", NONE),
                Arguments.of("/login/x", NONE),
                Arguments.of("/api", "exact-api"),
                Arguments.of("/api/", "prefix-api"),
                Arguments.of("/apix", "prefix-api"),
                Arguments.of("/api/v1", "prefix-api"),
                Arguments.of("/api/v1/", "prefix-api-v1"),
                Arguments.of("/api/v1/users/7", "prefix-api-v1"),
                Arguments.of("/api/v2/users", "prefix-api"),
                Arguments.of("/docs", NONE),
                Arguments.of("/docs/", "prefix-docs"),
                Arguments.of("/docs/guide", "prefix-docs"),
                Arguments.of("/files/42", "regex-a-numbered-file"),
                Arguments.of("/files/report.pdf", "regex-b-any-file"),
                Arguments.of("/files/42/raw", "regex-b-any-file"),
                Arguments.of("/archive/files/42", NONE),
                Arguments.of("/Admin", "exact-capital"),
                Arguments.of("/admin", NONE),
                Arguments.of("/ADMIN", NONE),
                Arguments.of("/API", NONE),
                Arguments.of("/a%2Fb", "exact-encoded"),
                Arguments.of("/a%2fb", NONE),
                Arguments.of("/a/b", NONE),
                Arguments.of("/my%20docs/x", "prefix-encoded-space"),
                Arguments.of("/my docs/x", NONE),
                Arguments.of("/", NONE),
                Arguments.of("", NONE),
                Arguments.of(null, NONE));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("paths")
    void resolvesExactThenLongestPrefixThenRegexOnTheRawPath(String path, String expected) {
        assertThat(TABLE.resolve(path).map(CompiledRoute::name).orElse(NONE)).isEqualTo(expected);
    }

    static Stream<Arguments> catchAll() {
        return Stream.of(
                Arguments.of("/files/42", "prefix-root"),
                Arguments.of("/", "prefix-root"),
                Arguments.of("/status", "exact-status"),
                Arguments.of("/status/", "prefix-root"),
                Arguments.of("", NONE));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("catchAll")
    void aRootPrefixShadowsEveryRegexRoute(String path, String expected) {
        RouteTable table = table(
                route("a-regex", REGEX, "/files/[0-9]+"),
                route("exact-status", PATH, "/status"),
                route("prefix-root", PREFIX, "/"));
        assertThat(table.resolve(path).map(CompiledRoute::name).orElse(NONE)).isEqualTo(expected);
    }

    @Test
    void amongEqualPathsOrPrefixesAndMatchingRegexesTheFirstGivenWins() {
        RouteTable table = table(
                route("first-exact", PATH, "/x"),
                route("second-exact", PATH, "/x"),
                route("first-prefix", PREFIX, "/p/"),
                route("second-prefix", PREFIX, "/p/"),
                route("first-regex", REGEX, "/r/.*"),
                route("second-regex", REGEX, "/r/[a-z]+"));
        assertThat(Map.of(
                "/x", table.resolve("/x").orElseThrow().name(),
                "/p/1", table.resolve("/p/1").orElseThrow().name(),
                "/r/abc", table.resolve("/r/abc").orElseThrow().name()))
                .isEqualTo(Map.of("/x", "first-exact", "/p/1", "first-prefix", "/r/abc", "first-regex"));
        assertThat(table.routes()).extracting(CompiledRoute::name).containsExactly("first-exact", "second-exact",
                "first-prefix", "second-prefix", "first-regex", "second-regex");
    }

    @Test
    void longestPrefixWinsWhateverTheOrderAndNumberOfPrefixes() {
        List<Route> routes = new java.util.ArrayList<>();
        for (int i = 999; i >= 0; i--) {
            routes.add(route("p" + i, PREFIX, "/svc/" + i + "/"));
        }
        routes.add(route("svc", PREFIX, "/svc/"));
        RouteTable table = table(routes.toArray(new Route[0]));
        assertThat(table.resolve("/svc/12/items").orElseThrow().name()).isEqualTo("p12");
        assertThat(table.resolve("/svc/123/items").orElseThrow().name()).isEqualTo("p123");
        assertThat(table.resolve("/svc/1234/items").orElseThrow().name()).isEqualTo("svc");
        assertThat(table.resolve("/svc").isPresent()).isFalse();
    }

    @Test
    void anEmptyTableResolvesNothing() {
        assertThat(RouteTable.EMPTY.resolve("/")).isEmpty();
        assertThat(RouteTable.EMPTY.isEmpty()).isTrue();
    }

    private static RouteTable table(Route... routes) {
        RouteCompiler compiler = new RouteCompiler("acme", Map.of("web", TestRoutes.upstream("web")),
                Map.of("corp", TestRoutes.idp("corp")));
        return RouteTable.of(Stream.of(routes).map(compiler::compile).toList());
    }
}
