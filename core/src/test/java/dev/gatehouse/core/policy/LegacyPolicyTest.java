package dev.gatehouse.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LegacyPolicyTest {

    private static final Policy LEGACY = LegacyPolicy.from(
            List.of("alice@other.org", "sub-42"),
            List.of("example.com"),
            Map.of("groups", List.of("admins", "ops"), "department", List.of("finance")));

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new Principal("x", "bob@example.com", List.of(), Map.of()), true),
                Arguments.of(new Principal("x", "alice@other.org", List.of(), Map.of()), true),
                Arguments.of(new Principal("sub-42", "nobody@nowhere.net", List.of(), Map.of()), true),
                Arguments.of(new Principal("x", "c@nowhere.net", List.of(), Map.of("groups", List.of("ops"))), true),
                Arguments.of(new Principal("x", "c@nowhere.net", List.of(), Map.of("department", "finance")), true),
                Arguments.of(new Principal("x", "c@nowhere.net", List.of("admins"), Map.of("groups", "staff")), false),
                Arguments.of(null, false));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void anyLegacyFieldAllows(Principal user, boolean allowed) {
        assertThat(LEGACY.evaluate(TestInputs.anonymous().as(user).build()).allowed()).isEqualTo(allowed);
    }

    @Test
    void mapsFieldsInPomeriumOrder() {
        assertThat(LEGACY.toJson()).isEqualTo(List.of(Map.of("allow", Map.of("or", List.of(
                Map.of("domain", Map.of("is", "example.com")),
                Map.of("claim/department", Map.of("has", "finance")),
                Map.of("claim/groups", Map.of("has", "admins")),
                Map.of("claim/groups", Map.of("has", "ops")),
                Map.of("user", Map.of("is", "alice@other.org")),
                Map.of("email", Map.of("is", "alice@other.org")),
                Map.of("user", Map.of("is", "sub-42")),
                Map.of("email", Map.of("is", "sub-42")))))));
    }

    @Test
    void noLegacyFieldsMeansNoRules() {
        assertThat(LegacyPolicy.from(null, List.of(), null)).isEqualTo(Policy.DENY_ALL);
        assertThat(LegacyPolicy.rules(List.of(), null, Map.of())).isEmpty();
    }
}
