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

class HttpMethodCriterionTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("GET", "GET", true),
                Arguments.of("get", "GET", true),
                Arguments.of("GET", "POST", false),
                Arguments.of(Map.of("in", List.of("GET", "HEAD")), "HEAD", true),
                Arguments.of(Map.of("not_in", List.of("DELETE", "PUT")), "DELETE", false),
                Arguments.of(Map.of("not", "DELETE"), "PATCH", true));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesMethodWithoutSignIn(Object value, String method, boolean allowed) {
        Decision decision = evaluate("http_method", value, TestInputs.anonymous().method(method));
        assertThat(decision.allowed()).isEqualTo(allowed);
        assertThat(criterionReasons(decision))
                .containsExactly(allowed ? "http-method-ok" : "http-method-unauthorized");
    }

    @Test
    void rejectsNumber() {
        assertThat(errors("http_method", Map.of("is", 200))).containsExactly(
                prefix("http_method") + "expected a string, got number");
    }
}
