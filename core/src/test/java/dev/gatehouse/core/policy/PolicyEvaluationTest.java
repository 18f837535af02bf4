package dev.gatehouse.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Allow and deny together, default deny and the deciding rule. */
class PolicyEvaluationTest {

    private static final Policy POLICY = PolicyParser.parseYaml("""
            - allow:
                or:
                  - domain: example.com
                  - email: partner@other.org
            - deny:
                or:
                  - email: mallory@example.com
                  - http_path:
                      starts_with: /admin
            - allow:
                and:
                  - groups: admins
            """);

    @Test
    void emptyPolicyDeniesEveryone() {
        Decision decision = Policy.DENY_ALL.evaluate(TestInputs.user("u1", "a@example.com").build());
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reasons()).containsExactly("no-matching-allow-rule");
        assertThat(decision.decidingRule()).isZero();
        assertThat(PolicyParser.parse(List.of())).isEqualTo(Policy.DENY_ALL);
        assertThat(PolicyParser.parseYaml("")).isEqualTo(Policy.DENY_ALL);
        assertThat(PolicyParser.parseYaml("# nothing yet\n")).isEqualTo(Policy.DENY_ALL);
    }

    @Test
    void matchingAllowRuleGrantsAccess() {
        Decision decision = POLICY.evaluate(TestInputs.user("u1", "alice@example.com").build());
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.decidingRule()).isEqualTo(1);
        assertThat(decision.reasons()).containsExactly("domain-ok", "allowed-by-rule-1");
    }

    @Test
    void laterAllowRuleCanGrantAccess() {
        Principal admin = new Principal("u9", "root@elsewhere.net", List.of("admins"), Map.of());
        Decision decision = POLICY.evaluate(TestInputs.anonymous().as(admin).build());
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.decidingRule()).isEqualTo(3);
        assertThat(decision.reasons()).containsExactly("groups-ok", "allowed-by-rule-3");
    }

    @Test
    void denyWinsOverAllow() {
        Decision mallory = POLICY.evaluate(TestInputs.user("u2", "mallory@example.com").build());
        assertThat(mallory.allowed()).isFalse();
        assertThat(mallory.decidingRule()).isEqualTo(2);
        assertThat(mallory.reasons()).containsExactly("email-ok", "denied-by-rule-2");
        assertThat(mallory.requiresLogin()).isFalse();

        Decision adminPath = POLICY.evaluate(TestInputs.user("u1", "alice@example.com").path("/admin/x").build());
        assertThat(adminPath.allowed()).isFalse();
        assertThat(adminPath.reasons()).containsExactly("http-path-ok", "denied-by-rule-2");
    }

    @Test
    void noMatchingAllowRuleExplainsWhy() {
        Decision decision = POLICY.evaluate(TestInputs.user("u3", "eve@other.org").build());
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.decidingRule()).isZero();
        assertThat(decision.reasons()).containsExactly(
                "domain-unauthorized", "email-unauthorized", "groups-unauthorized", "no-matching-allow-rule");
    }

    @Test
    void anonymousUserIsAskedToSignIn() {
        Decision decision = POLICY.evaluate(TestInputs.anonymous().build());
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reasons()).containsExactly("user-unauthenticated", "no-matching-allow-rule");
        assertThat(decision.requiresLogin()).isTrue();
    }

    @Test
    void oneObjectMayCarryAllowAndDeny() {
        Policy policy = PolicyParser.parseYaml("""
                allow:
                  and:
                    - domain:
                        is: example.com
                deny:
                  or:
                    - email:
                        is: user2@example.com
                    - email:
                        is: user3@example.com
                """);
        assertThat(policy.size()).isEqualTo(1);
        assertThat(policy.evaluate(TestInputs.user("u1", "user1@example.com").build()).allowed()).isTrue();
        Decision denied = policy.evaluate(TestInputs.user("u3", "user3@example.com").build());
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.decidingRule()).isEqualTo(1);
        assertThat(denied.reasons()).containsExactly("email-ok", "denied-by-rule-1");
    }

    @Test
    void denyRulesAloneDenyEverything() {
        Policy policy = PolicyParser.parse(List.of(Map.of("deny", Map.of("and", List.of(Map.of("reject", true))))));
        Decision decision = policy.evaluate(TestInputs.user("u1", "a@example.com").build());
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reasons()).containsExactly("no-matching-allow-rule");
    }

    @Test
    void repeatedEvaluationsShareReasonLists() {
        Decision first = POLICY.evaluate(TestInputs.user("u1", "alice@example.com").build());
        Decision second = POLICY.evaluate(TestInputs.user("u5", "bob@example.com").build());
        assertThat(second.reasons()).isSameAs(first.reasons());
    }

    @Test
    void concatRenumbersRules() {
        Policy combined = LegacyPolicy.from(List.of("bob@other.org"), List.of(), Map.of()).concat(POLICY);
        assertThat(combined.size()).isEqualTo(4);
        Decision mallory = combined.evaluate(TestInputs.user("u2", "mallory@example.com").build());
        assertThat(mallory.reasons()).containsExactly("email-ok", "denied-by-rule-3");
    }
}
