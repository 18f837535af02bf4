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

class EmailCriterionTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("alice@example.com", "alice@example.com", true),
                Arguments.of("alice@example.com", "ALICE@Example.COM", true),
                Arguments.of("Alice@Example.com", "alice@example.com", true),
                Arguments.of("alice@example.com", "bob@example.com", false),
                Arguments.of(Map.of("is", "alice@example.com"), "alice@example.com", true),
                Arguments.of(Map.of("in", List.of("bob@example.com", "alice@example.com")), "alice@example.com", true),
                Arguments.of(Map.of("in", List.of("bob@example.com")), "alice@example.com", false),
                Arguments.of(Map.of("not_in", List.of("bob@example.com")), "alice@example.com", true),
                Arguments.of(Map.of("not_in", List.of("bob@example.com")), "BOB@example.com", false),
                Arguments.of(Map.of("not", "bob@example.com"), "alice@example.com", true),
                Arguments.of(Map.of("not", "bob@example.com"), "bob@example.com", false),
                Arguments.of(Map.of("starts_with", "ali"), "alice@example.com", true),
                Arguments.of(Map.of("starts_with", "bob"), "alice@example.com", false),
                Arguments.of(Map.of("ends_with", "@EXAMPLE.com"), "alice@example.com", true),
                Arguments.of(Map.of("ends_with", "@example.org"), "alice@example.com", false),
                Arguments.of(Map.of("contains", "ce@ex"), "alice@example.com", true),
                Arguments.of(Map.of("contains", "bob"), "alice@example.com", false),
                Arguments.of(Map.of("starts_with", "alice", "ends_with", "example.com"), "alice@example.com", true),
                Arguments.of(Map.of("starts_with", "alice", "ends_with", "example.org"), "alice@example.com", false),
                Arguments.of(Map.of("ends_with", "toolong@alice@example.com"), "alice@example.com", false),
                Arguments.of(Map.of("not", "bob@example.com"), null, false));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesEmailIgnoringCase(Object value, String email, boolean allowed) {
        Decision decision = evaluate("email", value, TestInputs.user("u1", email));
        assertThat(decision.allowed()).isEqualTo(allowed);
        assertThat(criterionReasons(decision)).containsExactly(allowed ? "email-ok" : "email-unauthorized");
    }

    @Test
    void anonymousUserIsUnauthenticated() {
        Decision decision = evaluate("email", "alice@example.com", TestInputs.anonymous());
        assertThat(decision.allowed()).isFalse();
        assertThat(criterionReasons(decision)).containsExactly("user-unauthenticated");
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of(Map.of("equals", "a@b"), "unknown matcher 'equals' (expected one of is, in, not_in, "
                        + "starts_with, ends_with, contains, not)"),
                Arguments.of(42, "expected a string or a matcher object, got number"),
                Arguments.of(List.of("a@b"), "expected a string or a matcher object, got list"),
                Arguments.of(Map.of(), "expected at least one matcher (is, in, not_in, starts_with, ends_with, "
                        + "contains, not)"),
                Arguments.of(Map.of("is", 5), "expected a string, got number"),
                Arguments.of(Map.of("in", "a@b"), "expected a list, got string"),
                Arguments.of(Map.of("in", List.of()), "expected a non-empty list"),
                Arguments.of(Map.of("not_in", List.of()), "expected a non-empty list"));
    }

    @ParameterizedTest
    @MethodSource("invalidValues")
    void reportsInvalidMatchers(Object value, String message) {
        assertThat(errors("email", value)).containsExactly(prefix("email") + message);
    }

    @Test
    void reportsEveryBadListElement() {
        assertThat(errors("email", Map.of("in", List.of(1, "ok@example.com", true)))).containsExactly(
                prefix("email") + "expected a string, got number",
                prefix("email") + "expected a string, got boolean");
    }
}
