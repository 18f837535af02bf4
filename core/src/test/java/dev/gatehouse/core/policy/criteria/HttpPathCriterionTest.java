package dev.gatehouse.core.policy.criteria;

import static dev.gatehouse.core.policy.criteria.CriterionTester.criterionReasons;
import static dev.gatehouse.core.policy.criteria.CriterionTester.errors;
import static dev.gatehouse.core.policy.criteria.CriterionTester.evaluate;
import static dev.gatehouse.core.policy.criteria.CriterionTester.prefix;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.policy.Decision;
import dev.gatehouse.core.policy.TestInputs;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HttpPathCriterionTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("/health", "/health", true),
                Arguments.of("/health", "/Health", false),
                Arguments.of(Map.of("starts_with", "/api/"), "/api/v1/users", true),
                Arguments.of(Map.of("starts_with", "/api/"), "/apiv1", false),
                Arguments.of(Map.of("ends_with", ".css"), "/static/site.css", true),
                Arguments.of(Map.of("contains", "/admin"), "/x/admin/y", true),
                Arguments.of(Map.of("in", List.of("/a", "/b")), "/c", false),
                Arguments.of(Map.of("starts_with", "/api/", "not", "/api/secret"), "/api/secret", false));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesPathExactly(Object value, String path, boolean allowed) {
        Decision decision = evaluate("http_path", value, TestInputs.anonymous().path(path));
        assertThat(decision.allowed()).isEqualTo(allowed);
        assertThat(criterionReasons(decision)).containsExactly(allowed ? "http-path-ok" : "http-path-unauthorized");
    }

    @Test
    void rejectsUnknownMatcher() {
        assertThat(errors("http_path", Map.of("prefix", "/api"))).containsExactly(prefix("http_path")
                + "unknown matcher 'prefix' (expected one of is, in, not_in, starts_with, ends_with, contains, not)");
    }
}
