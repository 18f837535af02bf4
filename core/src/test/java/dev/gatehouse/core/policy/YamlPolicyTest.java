package dev.gatehouse.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** YAML input: errors carry the line of the offending element. */
class YamlPolicyTest {

    static List<PolicyError> errors(String yaml) {
        PolicyException[] thrown = new PolicyException[1];
        assertThatThrownBy(() -> PolicyParser.parseYaml(yaml))
                .isInstanceOfSatisfying(PolicyException.class, e -> thrown[0] = e);
        return thrown[0].errors();
    }

    static Stream<Arguments> badPolicies() {
        return Stream.of(
                Arguments.of("""
                        - allow:
                            and:
                              - domain: example.com
                              - email:
                                  equals: bob@example.com
                        """, "/0/allow/and/1/email/equals", 5,
                        "rule 1 (allow), and[2] 'email': unknown matcher 'equals' (expected one of is, in, not_in, "
                                + "starts_with, ends_with, contains, not)"),
                Arguments.of("""
                        allow:
                          or:
                            - source_ip:
                                - 10.0.0.0/8
                                - 10.0.0.0/99
                        """, "/allow/or/0/source_ip/1", 5,
                        "rule 1 (allow), or[1] 'source_ip': invalid IP address or CIDR range '10.0.0.0/99'"),
                Arguments.of("""
                        - allow:
                            and:
                              - accept: true
                        - deny:
                            nand:
                              - reject: true
                        """, "/1/deny/nand", 5,
                        "rule 2 (deny): unknown operator 'nand' (expected one of and, or, not, nor)"),
                Arguments.of("""
                        - allow:
                            and:
                              - time_of_day:
                                  after: 09:00
                                  before: 25:00
                        """, "/0/allow/and/0/time_of_day/before", 5,
                        "rule 1 (allow), and[1] 'time_of_day': invalid time '25:00' (expected HH:MM or HH:MM:SS, "
                                + "00:00 to 23:59:59)"),
                Arguments.of("""
                        - allow:
                            and:
                              - http_method: 404
                        """, "/0/allow/and/0/http_method", 3,
                        "rule 1 (allow), and[1] 'http_method': expected a string or a matcher object, got number"),
                Arguments.of("""
                        - allow:
                            and: []
                        """, "/0/allow/and", 2, "rule 1 (allow), and: expected at least one criterion"),
                Arguments.of("""
                        - allow:
                            and:
                              - accept: false
                        """, "/0/allow/and/0/accept", 3,
                        "rule 1 (allow), and[1] 'accept': 'accept' only accepts true "
                                + "(remove the criterion instead of setting it to false)"));
    }

    @ParameterizedTest
    @MethodSource("badPolicies")
    void reportsLineAndProblem(String yaml, String pointer, int line, String message) {
        assertThat(errors(yaml)).containsExactly(new PolicyError(pointer, line, message));
    }

    @Test
    void reportsAllProblemsWithTheirLines() {
        List<PolicyError> errors = errors("""
                - allow:
                    or:
                      - email: 42
                      - groups:
                          contains: admins
                - deny:
                    and:
                      - day_of_week: someday
                """);
        assertThat(errors).extracting(PolicyError::line).containsExactly(3, 5, 8);
        assertThat(errors.get(1)).hasToString("line 5: rule 1 (allow), or[2] 'groups': unknown matcher 'contains' "
                + "(expected one of has, is, exclude) (at /0/allow/or/1/groups/contains)");
    }

    @Test
    void reportsMalformedYamlWithLine() {
        List<PolicyError> errors = errors("""
                - allow:
                    and:
                      - email: [a@example.com
                """);
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).line()).isEqualTo(4);
        assertThat(errors.get(0).message()).startsWith("invalid YAML: ");
    }

    @Test
    void reportsDuplicateKeys() {
        assertThat(errors("""
                allow:
                  and:
                    - accept: true
                  and:
                    - reject: true
                """)).containsExactly(new PolicyError("/allow/and", 4, "duplicate key 'and'"));
    }

    @Test
    void readsTimesAndDatesAsText() {
        Policy policy = PolicyParser.parseYaml("""
                allow:
                  and:
                    - time_of_day: {after: 09:00, before: 17:30, timezone: Europe/Berlin}
                    - date: {after: 2026-11-01T00:00:00Z}
                    - day_of_week: mon-fri
                """);
        assertThat(policy.toJson()).isEqualTo(List.of(Map.of("allow", Map.of("and", List.of(
                Map.of("time_of_day", Map.of("after", "09:00", "before", "17:30", "timezone", "Europe/Berlin")),
                Map.of("date", Map.of("after", "2026-11-01T00:00:00Z")),
                Map.of("day_of_week", "mon,tue,wed,thu,fri"))))));
        assertThat(policy.evaluate(TestInputs.anonymous().at("2026-11-25T15:00:00Z").build()).allowed()).isTrue();
        assertThat(policy.evaluate(TestInputs.anonymous().at("2026-11-25T17:00:00Z").build()).allowed()).isFalse();
    }
}
