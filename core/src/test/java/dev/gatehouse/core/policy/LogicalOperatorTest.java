package dev.gatehouse.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The four operators over two criteria: method GET and path /a, tried with every combination of truth values. */
class LogicalOperatorTest {

    private static final List<Object> CRITERIA = List.of(Map.of("http_method", "GET"), Map.of("http_path", "/a"));

    static Stream<Arguments> truthTable() {
        return Stream.of(
                // operator, method matches, path matches, allowed
                Arguments.of("and", true, true, true),
                Arguments.of("and", true, false, false),
                Arguments.of("and", false, true, false),
                Arguments.of("and", false, false, false),
                Arguments.of("or", true, true, true),
                Arguments.of("or", true, false, true),
                Arguments.of("or", false, true, true),
                Arguments.of("or", false, false, false),
                Arguments.of("not", true, true, false),
                Arguments.of("not", true, false, false),
                Arguments.of("not", false, true, false),
                Arguments.of("not", false, false, true),
                Arguments.of("nor", true, true, false),
                Arguments.of("nor", true, false, true),
                Arguments.of("nor", false, true, true),
                Arguments.of("nor", false, false, true));
    }

    @ParameterizedTest
    @MethodSource("truthTable")
    void followsPomeriumSemantics(String operator, boolean methodMatches, boolean pathMatches, boolean allowed) {
        Policy policy = PolicyParser.parse(Map.of("allow", Map.of(operator, CRITERIA)));
        PolicyInput input = TestInputs.anonymous()
                .method(methodMatches ? "GET" : "POST")
                .path(pathMatches ? "/a" : "/b")
                .build();
        assertThat(policy.evaluate(input).allowed()).isEqualTo(allowed);
    }

    static Stream<Arguments> reasons() {
        return Stream.of(
                Arguments.of("and", "GET", "/b", List.of("http-path-unauthorized", "no-matching-allow-rule")),
                Arguments.of("and", "GET", "/a", List.of("http-method-ok", "http-path-ok", "allowed-by-rule-1")),
                Arguments.of("or", "GET", "/b", List.of("http-method-ok", "allowed-by-rule-1")),
                Arguments.of("or", "POST", "/b",
                        List.of("http-method-unauthorized", "http-path-unauthorized", "no-matching-allow-rule")),
                Arguments.of("not", "POST", "/b",
                        List.of("http-method-unauthorized", "http-path-unauthorized", "allowed-by-rule-1")),
                Arguments.of("not", "GET", "/b", List.of("http-method-ok", "no-matching-allow-rule")),
                Arguments.of("nor", "GET", "/b", List.of("http-path-unauthorized", "allowed-by-rule-1")),
                Arguments.of("nor", "GET", "/a", List.of("http-method-ok", "http-path-ok", "no-matching-allow-rule")));
    }

    @ParameterizedTest
    @MethodSource("reasons")
    void reportsTheReasonsThatDecided(String operator, String method, String path, List<String> reasons) {
        Policy policy = PolicyParser.parse(Map.of("allow", Map.of(operator, CRITERIA)));
        assertThat(policy.evaluate(TestInputs.anonymous().method(method).path(path).build()).reasons())
                .containsExactlyElementsOf(reasons);
    }

    @Test
    void operatorsSideBySideInOneRuleAreAlternatives() {
        Policy policy = PolicyParser.parseYaml("""
                allow:
                  and:
                    - http_method: GET
                    - http_path: /a
                  or:
                    - http_path: /public
                """);
        assertThat(policy.evaluate(TestInputs.anonymous().method("GET").path("/a").build()).allowed()).isTrue();
        assertThat(policy.evaluate(TestInputs.anonymous().method("POST").path("/public").build()).allowed()).isTrue();
        assertThat(policy.evaluate(TestInputs.anonymous().method("POST").path("/a").build()).allowed()).isFalse();
    }

    @Test
    void singleCriterionNotNegatesIt() {
        Policy policy = PolicyParser.parse(List.of(
                Map.of("allow", Map.of("and", List.of(Map.of("authenticated_user", true)))),
                Map.of("deny", Map.of("not", List.of(Map.of("domain", "example.com"))))));
        assertThat(policy.evaluate(TestInputs.user("u1", "a@example.com").build()).allowed()).isTrue();
        Decision outsider = policy.evaluate(TestInputs.user("u2", "a@other.org").build());
        assertThat(outsider.allowed()).isFalse();
        assertThat(outsider.reasons()).containsExactly("domain-unauthorized", "denied-by-rule-2");
    }
}
