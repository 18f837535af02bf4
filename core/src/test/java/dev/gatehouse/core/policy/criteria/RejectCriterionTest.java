package dev.gatehouse.core.policy.criteria;

import static dev.gatehouse.core.policy.criteria.CriterionTester.errors;
import static dev.gatehouse.core.policy.criteria.CriterionTester.evaluate;
import static dev.gatehouse.core.policy.criteria.CriterionTester.prefix;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.policy.Decision;
import dev.gatehouse.core.policy.TestInputs;
import org.junit.jupiter.api.Test;

class RejectCriterionTest {

    @Test
    void neverMatches() {
        Decision decision = evaluate("reject", true, TestInputs.user("u1", "a@example.com"));
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reasons()).containsExactly("reject", "no-matching-allow-rule");
        assertThat(decision.decidingRule()).isZero();
    }

    @Test
    void rejectsFalse() {
        assertThat(errors("reject", false)).containsExactly(
                prefix("reject") + "'reject' only accepts true (remove the criterion instead of setting it to false)");
    }
}
