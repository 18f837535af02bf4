package dev.gatehouse.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Structured (JSON) input: each bad policy yields exact messages and JSON pointers, without line numbers. */
class PolicyParseErrorTest {

    static List<PolicyError> errors(Object tree) {
        PolicyException[] thrown = new PolicyException[1];
        assertThatThrownBy(() -> PolicyParser.parse(tree))
                .isInstanceOfSatisfying(PolicyException.class, e -> thrown[0] = e);
        return thrown[0].errors();
    }

    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static Stream<Arguments> badPolicies() {
        return Stream.of(
                Arguments.of("a string", "", "policy: expected a list of rules or a rule object, got string"),
                Arguments.of(List.of("allow"), "/0", "rule 1: expected an object with allow or deny, got string"),
                Arguments.of(List.of(Map.of()), "/0", "rule 1: expected allow or deny"),
                Arguments.of(List.of(Map.of("permit", Map.of())), "/0/permit",
                        "rule 1: unknown action 'permit' (expected allow or deny)"),
                Arguments.of(List.of(Map.of("allow", List.of())), "/0/allow",
                        "rule 1 (allow): expected an object with and, or, not, nor, got list"),
                Arguments.of(List.of(Map.of("deny", Map.of())), "/0/deny",
                        "rule 1 (deny): expected at least one of and, or, not, nor"),
                Arguments.of(List.of(Map.of("allow", Map.of("xor", List.of()))), "/0/allow/xor",
                        "rule 1 (allow): unknown operator 'xor' (expected one of and, or, not, nor)"),
                Arguments.of(List.of(Map.of("allow", Map.of("and", Map.of("email", "a@b")))), "/0/allow/and",
                        "rule 1 (allow), and: expected a list of criteria, got object"),
                Arguments.of(List.of(Map.of("allow", Map.of("or", List.of()))), "/0/allow/or",
                        "rule 1 (allow), or: expected at least one criterion"),
                Arguments.of(List.of(Map.of("allow", Map.of("and", List.of("email")))), "/0/allow/and/0",
                        "rule 1 (allow), and[1]: expected an object with one criterion, got string"),
                Arguments.of(List.of(Map.of("allow", Map.of("and", List.of(Map.of())))), "/0/allow/and/0",
                        "rule 1 (allow), and[1]: expected exactly one criterion per list item, got none"),
                Arguments.of(List.of(Map.of("allow", Map.of("and",
                                List.of(ordered("email", "a@b", "domain", "b"))))), "/0/allow/and/0",
                        "rule 1 (allow), and[1]: expected exactly one criterion per list item, got 2 (email, domain)"),
                Arguments.of(List.of(Map.of("allow", Map.of("and", List.of(Map.of("emial", "a@b"))))),
                        "/0/allow/and/0/emial",
                        "rule 1 (allow), and[1] 'emial': unknown criterion 'emial' (expected one of accept, "
                                + "authenticated_user, claim, cors_preflight, date, day_of_week, domain, email, "
                                + "groups, http_method, http_path, reject, source_ip, time_of_day, user)"),
                Arguments.of(List.of(Map.of("allow", Map.of("and", List.of(Map.of("accept", true),
                                Map.of("email", Map.of("equals", "a@b")))))), "/0/allow/and/1/email/equals",
                        "rule 1 (allow), and[2] 'email': unknown matcher 'equals' (expected one of is, in, not_in, "
                                + "starts_with, ends_with, contains, not)"),
                Arguments.of(List.of(Map.of("allow", Map.of("or", List.of(Map.of("claim/a/b", Map.of("has", 1)))))),
                        "/0/allow/or/0/claim~1a~1b/has",
                        "rule 1 (allow), or[1] 'claim/a/b': expected a string, got number"));
    }

    @ParameterizedTest
    @MethodSource("badPolicies")
    void reportsProblemWithPointer(Object tree, String pointer, String message) {
        assertThat(errors(tree)).containsExactly(new PolicyError(pointer, null, message));
    }

    @Test
    void reportsEveryProblemInDocumentOrder() {
        List<Object> tree = List.of(
                Map.of("allow", ordered(
                        "and", List.of(Map.of("email", 5), Map.of("source_ip", "10.0.0.0/40")),
                        "nor", List.of(Map.of("day_of_week", "someday")))),
                Map.of("deny", Map.of("or", List.of(Map.of("accept", false)))));
        assertThat(errors(tree)).containsExactly(
                new PolicyError("/0/allow/and/0/email", null,
                        "rule 1 (allow), and[1] 'email': expected a string or a matcher object, got number"),
                new PolicyError("/0/allow/and/1/source_ip", null,
                        "rule 1 (allow), and[2] 'source_ip': invalid IP address or CIDR range '10.0.0.0/40'"),
                new PolicyError("/0/allow/nor/0/day_of_week", null,
                        "rule 1 (allow), nor[1] 'day_of_week': invalid day 'someday' in 'someday' (expected mon..sun, "
                                + "full day names or 0-7, ranges like mon-fri, separated by commas)"),
                new PolicyError("/1/deny/or/0/accept", null,
                        "rule 2 (deny), or[1] 'accept': 'accept' only accepts true "
                                + "(remove the criterion instead of setting it to false)"));
    }

    @Test
    void exceptionMessageListsProblems() {
        assertThatThrownBy(() -> PolicyParser.parse(List.of(Map.of())))
                .hasMessage("rule 1: expected allow or deny (at /0)");
    }
}
