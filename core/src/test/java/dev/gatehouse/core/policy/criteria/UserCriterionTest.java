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

class UserCriterionTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("sub-123", "sub-123", true),
                Arguments.of("sub-123", "SUB-123", false),
                Arguments.of("sub-123", "sub-124", false),
                Arguments.of(Map.of("in", List.of("a", "sub-123")), "sub-123", true),
                Arguments.of(Map.of("starts_with", "sub-"), "sub-9", true),
                Arguments.of(Map.of("not", "sub-1"), "sub-2", true));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesUserIdExactly(Object value, String sub, boolean allowed) {
        Decision decision = evaluate("user", value, TestInputs.user(sub, "x@example.com"));
        assertThat(decision.allowed()).isEqualTo(allowed);
        assertThat(criterionReasons(decision)).containsExactly(allowed ? "user-ok" : "user-unauthorized");
    }

    @Test
    void anonymousUserIsUnauthenticated() {
        assertThat(criterionReasons(evaluate("user", "sub-1", TestInputs.anonymous())))
                .containsExactly("user-unauthenticated");
    }

    @Test
    void rejectsBoolean() {
        assertThat(errors("user", true)).containsExactly(
                prefix("user") + "expected a string or a matcher object, got boolean");
    }
}
