package dev.gatehouse.core.policy.criteria;

import static dev.gatehouse.core.policy.criteria.CriterionTester.criterionReasons;
import static dev.gatehouse.core.policy.criteria.CriterionTester.errors;
import static dev.gatehouse.core.policy.criteria.CriterionTester.evaluate;
import static dev.gatehouse.core.policy.criteria.CriterionTester.prefix;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.policy.Decision;
import dev.gatehouse.core.policy.TestInputs;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DateCriterionTest {

    private static final Map<String, Object> NOVEMBER = Map.of(
            "after", "2026-11-01T00:00:00Z", "before", "2026-12-01T00:00:00+01:00");

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(NOVEMBER, "2026-11-25T12:00:00Z", true),
                Arguments.of(NOVEMBER, "2026-11-01T00:00:00Z", true),
                Arguments.of(NOVEMBER, "2026-10-31T23:59:59Z", false),
                Arguments.of(NOVEMBER, "2026-11-30T22:59:59Z", true),
                Arguments.of(NOVEMBER, "2026-11-30T23:00:00Z", false),
                Arguments.of(Map.of("after", "2026-11-01T00:00:00Z"), "2030-01-01T00:00:00Z", true),
                Arguments.of(Map.of("before", "2026-11-01T00:00:00Z"), "2026-11-25T12:00:00Z", false),
                Arguments.of(NOVEMBER, null, false));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesHalfOpenInterval(Map<String, Object> value, String time, boolean allowed) {
        Decision decision = evaluate("date", value, TestInputs.anonymous().at(time));
        assertThat(decision.allowed()).isEqualTo(allowed);
        assertThat(criterionReasons(decision)).containsExactly(allowed ? "date-ok" : "date-unauthorized");
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of(Map.of("after", "2026-11-01"),
                        "invalid RFC 3339 timestamp '2026-11-01' (expected e.g. 2026-01-31T09:00:00Z)"),
                Arguments.of(Map.of("before", "tomorrow"),
                        "invalid RFC 3339 timestamp 'tomorrow' (expected e.g. 2026-01-31T09:00:00Z)"),
                Arguments.of(Map.of("after", 20261101), "expected a string, got number"),
                Arguments.of(Map.of(), "expected 'after', 'before' or both"),
                Arguments.of("2026-11-01T00:00:00Z", "expected an object, got string"),
                Arguments.of(Map.of("after", "2026-12-01T00:00:00Z", "before", "2026-11-01T00:00:00Z"),
                        "'after' (2026-12-01T00:00:00Z) must be earlier than 'before' (2026-11-01T00:00:00Z)"));
    }

    @ParameterizedTest
    @MethodSource("invalidValues")
    void reportsInvalidDates(Object value, String message) {
        assertThat(errors("date", value)).containsExactly(prefix("date") + message);
    }

    @Test
    void reportsUnknownField() {
        assertThat(errors("date", Map.of("since", "2026-11-01T00:00:00Z", "before", "2026-11-01T00:00:00Z")))
                .containsExactly(prefix("date") + "unknown field 'since' (expected after, before)");
    }
}
