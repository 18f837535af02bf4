package dev.gatehouse.core.policy.criteria;

import static dev.gatehouse.core.policy.criteria.CriterionTester.criterionReasons;
import static dev.gatehouse.core.policy.criteria.CriterionTester.errors;
import static dev.gatehouse.core.policy.criteria.CriterionTester.evaluate;
import static dev.gatehouse.core.policy.criteria.CriterionTester.prefix;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.policy.Decision;
import dev.gatehouse.core.policy.TestInputs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CorsPreflightCriterionTest {

    @ParameterizedTest
    @CsvSource({"true, true, cors-request", "false, false, non-cors-request"})
    void matchesPreflightRequestsWithoutSignIn(boolean preflight, boolean allowed, String reason) {
        Decision decision = evaluate("cors_preflight", true, TestInputs.anonymous().method("OPTIONS").cors(preflight));
        assertThat(decision.allowed()).isEqualTo(allowed);
        assertThat(criterionReasons(decision)).containsExactly(reason);
    }

    @Test
    void rejectsFalse() {
        assertThat(errors("cors_preflight", false)).containsExactly(prefix("cors_preflight")
                + "'cors_preflight' only accepts true (remove the criterion instead of setting it to false)");
    }
}
