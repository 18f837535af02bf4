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

class DomainCriterionTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("example.com", "alice@example.com", true),
                Arguments.of("example.com", "alice@EXAMPLE.com", true),
                Arguments.of("EXAMPLE.COM", "alice@example.com", true),
                Arguments.of("example.com", "alice@sub.example.com", false),
                Arguments.of("example.com", "alice@example.com.evil.org", false),
                Arguments.of("example.com", "example.com", false),
                Arguments.of("example.com", null, false),
                Arguments.of(Map.of("ends_with", ".example.com"), "alice@sub.example.com", true),
                Arguments.of(Map.of("in", List.of("a.org", "example.com")), "alice@example.com", true),
                Arguments.of(Map.of("is", "example.com"), "\"a@b\"@example.com", true));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesTheDomainOfTheEmail(Object value, String email, boolean allowed) {
        Decision decision = evaluate("domain", value, TestInputs.user("u1", email));
        assertThat(decision.allowed()).isEqualTo(allowed);
        assertThat(criterionReasons(decision)).containsExactly(allowed ? "domain-ok" : "domain-unauthorized");
    }

    @Test
    void anonymousUserIsUnauthenticated() {
        assertThat(criterionReasons(evaluate("domain", "example.com", TestInputs.anonymous())))
                .containsExactly("user-unauthenticated");
    }

    @Test
    void rejectsUnknownMatcher() {
        assertThat(errors("domain", Map.of("regex", ".*"))).containsExactly(prefix("domain")
                + "unknown matcher 'regex' (expected one of is, in, not_in, starts_with, ends_with, contains, not)");
    }
}
