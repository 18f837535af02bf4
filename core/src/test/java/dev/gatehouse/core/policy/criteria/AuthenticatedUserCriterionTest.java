package dev.gatehouse.core.policy.criteria;

import static dev.gatehouse.core.policy.criteria.CriterionTester.errors;
import static dev.gatehouse.core.policy.criteria.CriterionTester.evaluate;
import static dev.gatehouse.core.policy.criteria.CriterionTester.prefix;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.policy.Decision;
import dev.gatehouse.core.policy.TestInputs;
import org.junit.jupiter.api.Test;

class AuthenticatedUserCriterionTest {

    @Test
    void allowsAnySignedInUser() {
        Decision decision = evaluate("authenticated_user", true, TestInputs.user("u1", null));
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.reasons()).containsExactly("user-ok", "allowed-by-rule-1");
    }

    @Test
    void asksAnonymousUsersToSignIn() {
        Decision decision = evaluate("authenticated_user", true, TestInputs.anonymous());
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reasons()).containsExactly("user-unauthenticated", "no-matching-allow-rule");
        assertThat(decision.requiresLogin()).isTrue();
    }

    @Test
    void rejectsNonBooleanValue() {
        assertThat(errors("authenticated_user", "true")).containsExactly(
                prefix("authenticated_user") + "expected true, got string");
    }
}
