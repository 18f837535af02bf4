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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TimeOfDayCriterionTest {

    private static final Map<String, Object> OFFICE_BERLIN =
            Map.of("after", "09:00", "before", "17:00", "timezone", "Europe/Berlin");
    private static final Map<String, Object> NIGHT = Map.of("after", "22:00", "before", "06:00");

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(OFFICE_BERLIN, "2026-11-25T08:00:00Z", true),
                Arguments.of(OFFICE_BERLIN, "2026-11-25T07:59:59Z", false),
                Arguments.of(OFFICE_BERLIN, "2026-11-25T15:59:59Z", true),
                Arguments.of(OFFICE_BERLIN, "2026-11-25T16:00:00Z", false),
                Arguments.of(OFFICE_BERLIN, "2026-07-01T07:00:00Z", true),
                Arguments.of(NIGHT, "2026-11-25T23:00:00Z", true),
                Arguments.of(NIGHT, "2026-11-25T05:59:00Z", true),
                Arguments.of(NIGHT, "2026-11-25T12:00:00Z", false),
                Arguments.of(Map.of("after", "12:00:00"), "2026-11-25T12:00:00Z", true),
                Arguments.of(Map.of("before", "12:00"), "2026-11-25T12:00:00Z", false),
                Arguments.of(Map.of("after", "09:00", "timezone", "UTC"), "1969-12-31T10:00:00Z", true),
                Arguments.of(OFFICE_BERLIN, null, false));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesLocalTimeWindow(Map<String, Object> value, String time, boolean allowed) {
        Decision decision = evaluate("time_of_day", value, TestInputs.anonymous().at(time));
        assertThat(decision.allowed()).isEqualTo(allowed);
        assertThat(criterionReasons(decision))
                .containsExactly(allowed ? "time-of-day-ok" : "time-of-day-unauthorized");
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of(Map.of("after", "9:00"), "invalid time '9:00' (expected HH:MM or HH:MM:SS, 00:00 to 23:59:59)"),
                Arguments.of(Map.of("after", "24:00"),
                        "invalid time '24:00' (expected HH:MM or HH:MM:SS, 00:00 to 23:59:59)"),
                Arguments.of(Map.of("before", "noon"), "invalid time 'noon' (expected HH:MM or HH:MM:SS, 00:00 to 23:59:59)"),
                Arguments.of(Map.of("before", 1700), "expected a string, got number"),
                Arguments.of(Map.of("after", "10:00", "before", "10:00"),
                        "'after' and 'before' are equal, which leaves an empty window"),
                Arguments.of(Map.of("timezone", "UTC"),
                        "expected 'after', 'before' or both, e.g. {after: \"09:00\", before: \"17:00\"}"),
                Arguments.of(Map.of("after", "10:00", "timezone", "Berlin"),
                        "unknown timezone 'Berlin' (expected an IANA name such as Europe/Berlin, or UTC)"),
                Arguments.of("09:00-17:00", "expected an object, got string"));
    }

    @ParameterizedTest
    @MethodSource("invalidValues")
    void reportsInvalidWindows(Object value, String message) {
        assertThat(errors("time_of_day", value)).containsExactly(prefix("time_of_day") + message);
    }
}
