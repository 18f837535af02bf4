package dev.gatehouse.core.policy.criteria;

import static dev.gatehouse.core.policy.criteria.CriterionTester.criterionReasons;
import static dev.gatehouse.core.policy.criteria.CriterionTester.errors;
import static dev.gatehouse.core.policy.criteria.CriterionTester.evaluate;
import static dev.gatehouse.core.policy.criteria.CriterionTester.policy;
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

class DayOfWeekCriterionTest {

    private static final String WEDNESDAY = "2026-11-25T12:00:00Z";
    private static final String SATURDAY = "2026-11-28T12:00:00Z";
    private static final String SUNDAY_LATE_UTC = "2026-11-29T23:30:00Z";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("mon-fri", WEDNESDAY, true),
                Arguments.of("mon-fri", SATURDAY, false),
                Arguments.of("sat,sun", SATURDAY, true),
                Arguments.of("Saturday, SUNDAY", SATURDAY, true),
                Arguments.of("1-5", WEDNESDAY, true),
                Arguments.of("1-5", SUNDAY_LATE_UTC, false),
                Arguments.of(0, SUNDAY_LATE_UTC, true),
                Arguments.of(7, SUNDAY_LATE_UTC, true),
                Arguments.of("fri-mon", SATURDAY, true),
                Arguments.of("fri-mon", WEDNESDAY, false),
                Arguments.of(List.of("mon", "wed"), WEDNESDAY, true),
                Arguments.of(List.of(6, "sun"), WEDNESDAY, false),
                Arguments.of(Map.of("is", "mon", "timezone", "Europe/Berlin"), SUNDAY_LATE_UTC, true),
                Arguments.of(Map.of("is", "sun", "timezone", "Europe/Berlin"), SUNDAY_LATE_UTC, false),
                Arguments.of(Map.of("is", "sun", "timezone", "America/New_York"), SUNDAY_LATE_UTC, true),
                Arguments.of("mon-sun", null, false));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesDaysInZone(Object value, String time, boolean allowed) {
        Decision decision = evaluate("day_of_week", value, TestInputs.anonymous().at(time));
        assertThat(decision.allowed()).isEqualTo(allowed);
        assertThat(criterionReasons(decision))
                .containsExactly(allowed ? "day-of-week-ok" : "day-of-week-unauthorized");
    }

    @Test
    void canonicalFormListsDayNames() {
        assertThat(policy("day_of_week", "fri-mon").toJson().toString()).contains("day_of_week=mon,fri,sat,sun");
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of("funday", "invalid day 'funday' in 'funday' (expected mon..sun, full day names or 0-7, "
                        + "ranges like mon-fri, separated by commas)"),
                Arguments.of("mon-", "invalid day 'mon-' in 'mon-' (expected mon..sun, full day names or 0-7, "
                        + "ranges like mon-fri, separated by commas)"),
                Arguments.of(8, "invalid day '8' in '8' (expected mon..sun, full day names or 0-7, "
                        + "ranges like mon-fri, separated by commas)"),
                Arguments.of(true, "expected days such as \"mon-fri\" or \"sat,sun\", got boolean"),
                Arguments.of(List.of(), "expected a non-empty list"),
                Arguments.of(Map.of("timezone", "UTC"), "expected 'is' with the days, e.g. is: mon-fri"),
                Arguments.of(Map.of("is", "mon", "timezone", "Mars/Olympus"),
                        "unknown timezone 'Mars/Olympus' (expected an IANA name such as Europe/Berlin, or UTC)"));
    }

    @ParameterizedTest
    @MethodSource("invalidValues")
    void reportsInvalidDays(Object value, String message) {
        assertThat(errors("day_of_week", value)).containsExactly(prefix("day_of_week") + message);
    }
}
