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

class GroupsCriterionTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("admins", List.of("staff", "admins"), true),
                Arguments.of("admins", List.of("Admins"), false),
                Arguments.of("admins", List.of(), false),
                Arguments.of(Map.of("has", "admins"), List.of("admins", "staff"), true),
                Arguments.of(Map.of("has", "admins"), List.of("staff"), false),
                Arguments.of(Map.of("is", "admins"), List.of("admins"), true),
                Arguments.of(Map.of("is", "admins"), List.of("admins", "staff"), false),
                Arguments.of(Map.of("exclude", "contractors"), List.of("staff"), true),
                Arguments.of(Map.of("exclude", "contractors"), List.of(), true),
                Arguments.of(Map.of("exclude", "contractors"), List.of("staff", "contractors"), false),
                Arguments.of(Map.of("has", "staff", "exclude", "contractors"), List.of("staff"), true),
                Arguments.of(Map.of("has", "staff", "exclude", "contractors"), List.of("staff", "contractors"), false));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesGroupList(Object value, List<String> groups, boolean allowed) {
        Decision decision = evaluate("groups", value, TestInputs.groups(groups.toArray(new String[0])));
        assertThat(decision.allowed()).isEqualTo(allowed);
        assertThat(criterionReasons(decision)).containsExactly(allowed ? "groups-ok" : "groups-unauthorized");
    }

    @Test
    void anonymousUserIsUnauthenticated() {
        assertThat(criterionReasons(evaluate("groups", "admins", TestInputs.anonymous())))
                .containsExactly("user-unauthenticated");
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of(Map.of("contains", "adm"), "unknown matcher 'contains' (expected one of has, is, exclude)"),
                Arguments.of(List.of("admins"), "expected a string or a matcher object (has, is, exclude), got list"),
                Arguments.of(Map.of("has", List.of("a")), "expected a string, got list"),
                Arguments.of(Map.of(), "expected at least one matcher (has, is, exclude)"));
    }

    @ParameterizedTest
    @MethodSource("invalidValues")
    void reportsInvalidMatchers(Object value, String message) {
        assertThat(errors("groups", value)).containsExactly(prefix("groups") + message);
    }
}
