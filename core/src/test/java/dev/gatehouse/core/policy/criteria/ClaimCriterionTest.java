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

class ClaimCriterionTest {

    private static final Map<String, Object> CLAIMS = Map.of(
            "department", "engineering",
            "roles", List.of("reader", "writer"),
            "level", 3,
            "verified", true,
            "https://example.com/roles", List.of("ops"),
            "org", Map.of("team", "core"));

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("claim/department", "engineering", true),
                Arguments.of("claim/department", "Engineering", false),
                Arguments.of("claim/department", Map.of("is", "engineering"), true),
                Arguments.of("claim/roles", "writer", true),
                Arguments.of("claim/roles", Map.of("has", "admin"), false),
                Arguments.of("claim/roles", Map.of("is", "reader"), false),
                Arguments.of("claim/roles", Map.of("exclude", "admin"), true),
                Arguments.of("claim/level", "3", true),
                Arguments.of("claim/verified", "true", true),
                Arguments.of("claim/missing", "x", false),
                Arguments.of("claim/missing", Map.of("exclude", "x"), true),
                Arguments.of("claim/https://example.com/roles", "ops", true),
                Arguments.of("claim/org/team", "core", true),
                Arguments.of("claim/org/other", "core", false));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesClaimValues(String key, Object value, boolean allowed) {
        Decision decision = evaluate(key, value, TestInputs.claims(CLAIMS));
        assertThat(decision.allowed()).isEqualTo(allowed);
        assertThat(criterionReasons(decision)).containsExactly(allowed ? "claim-ok" : "claim-unauthorized");
    }

    @Test
    void anonymousUserIsUnauthenticated() {
        assertThat(criterionReasons(evaluate("claim/roles", "writer", TestInputs.anonymous())))
                .containsExactly("user-unauthenticated");
    }

    @Test
    void requiresClaimName() {
        assertThat(errors("claim", "x")).containsExactly(
                prefix("claim") + "'claim' needs a name after a slash, e.g. claim/groups");
        assertThat(errors("claim/", "x")).containsExactly(
                prefix("claim/") + "'claim' needs a name after a slash, e.g. claim/groups");
    }

    @Test
    void rejectsNumberValue() {
        assertThat(errors("claim/level", 3)).containsExactly(
                prefix("claim/level") + "expected a string or a matcher object (has, is, exclude), got number");
    }
}
