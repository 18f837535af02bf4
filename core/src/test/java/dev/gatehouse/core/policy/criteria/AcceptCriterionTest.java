package dev.gatehouse.core.policy.criteria;

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

class AcceptCriterionTest {

    @Test
    void acceptsAnonymousAndSignedInAlike() {
        for (TestInputs input : List.of(TestInputs.anonymous(), TestInputs.user("u1", "a@example.com"))) {
            Decision decision = evaluate("accept", true, input);
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.reasons()).containsExactly("accept", "allowed-by-rule-1");
        }
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of(false, "'accept' only accepts true (remove the criterion instead of setting it to false)"),
                Arguments.of("yes", "expected true, got string"),
                Arguments.of(1, "expected true, got number"),
                Arguments.of(Map.of(), "expected true, got object"));
    }

    @ParameterizedTest
    @MethodSource("invalidValues")
    void rejectsValuesOtherThanTrue(Object value, String message) {
        assertThat(errors("accept", value)).containsExactly(prefix("accept") + message);
    }

    @Test
    void rejectsSubPath() {
        assertThat(errors("accept/x", true)).containsExactly(prefix("accept/x") + "'accept' takes no '/x' suffix");
    }
}
