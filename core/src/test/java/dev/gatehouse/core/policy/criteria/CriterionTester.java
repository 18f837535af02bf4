package dev.gatehouse.core.policy.criteria;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.policy.Decision;
import dev.gatehouse.core.policy.Policy;
import dev.gatehouse.core.policy.PolicyError;
import dev.gatehouse.core.policy.PolicyException;
import dev.gatehouse.core.policy.PolicyParser;
import dev.gatehouse.core.policy.TestInputs;
import java.util.List;
import java.util.Map;

/** Runs one criterion inside a one-rule allow policy. */
final class CriterionTester {

    private CriterionTester() {
    }

    static Policy policy(String key, Object value) {
        return PolicyParser.parse(List.of(Map.of("allow", Map.of("and", List.of(Map.of(key, value))))));
    }

    static Decision evaluate(String key, Object value, TestInputs input) {
        return policy(key, value).evaluate(input.build());
    }

    /** The criterion reason codes of the decision (without the verdict code). */
    static List<String> criterionReasons(Decision decision) {
        return decision.reasons().subList(0, decision.reasons().size() - 1);
    }

    /** The messages of the errors that compiling {@code key: value} produces. */
    static List<String> errors(String key, Object value) {
        PolicyException[] thrown = new PolicyException[1];
        assertThatThrownBy(() -> policy(key, value))
                .isInstanceOfSatisfying(PolicyException.class, e -> thrown[0] = e);
        return thrown[0].errors().stream().map(PolicyError::message).toList();
    }

    static String prefix(String key) {
        return "rule 1 (allow), and[1] '" + key + "': ";
    }
}
