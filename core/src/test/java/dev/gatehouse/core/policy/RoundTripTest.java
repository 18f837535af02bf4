package dev.gatehouse.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoundTripTest {

    private static final String EVERY_CRITERION = """
            - allow:
                or:
                  - accept: true
                  - authenticated_user: true
                  - email: alice@example.com
                  - user: {in: [u1, u2]}
                  - domain: {ends_with: .example.com, not: evil.example.com}
                  - groups: {has: admins, exclude: contractors}
                  - claim/roles: writer
                  - http_method: {not_in: [DELETE]}
                  - http_path: {starts_with: /api/, contains: v1}
                  - source_ip: [10.0.0.0/8, "2001:db8::/32"]
                  - date: {after: "2026-11-01T00:00:00+01:00", before: "2027-01-01T00:00:00Z"}
                  - day_of_week: {is: sat-sun, timezone: Europe/Berlin}
                  - time_of_day: {after: "22:00", before: "06:00:30"}
                  - cors_preflight: true
                and:
                  - reject: true
              deny:
                nor:
                  - source_ip: 192.0.2.1
                not:
                  - day_of_week: 1
            """;

    @Test
    void canonicalFormParsesBackToAnEqualPolicy() {
        Policy policy = PolicyParser.parseYaml(EVERY_CRITERION);
        Policy again = PolicyParser.parse(policy.toJson());
        assertThat(again).isEqualTo(policy);
        assertThat(again.toJson()).isEqualTo(policy.toJson());
    }

    @Test
    void yamlFormParsesBackToAnEqualPolicy() {
        Policy policy = PolicyParser.parseYaml(EVERY_CRITERION);
        assertThat(PolicyParser.parseYaml(policy.toYaml())).isEqualTo(policy);
        assertThat(Policy.DENY_ALL.toYaml()).isEqualTo("[]\n");
        assertThat(PolicyParser.parseYaml(Policy.DENY_ALL.toYaml())).isEqualTo(Policy.DENY_ALL);
    }

    @Test
    void yamlFormIsBlockStyle() {
        Policy policy = PolicyParser.parse(Map.of("allow", Map.of("or", List.of(Map.of("domain", "example.com")))));
        assertThat(policy.toYaml()).isEqualTo("""
                - allow:
                    or:
                    - domain:
                        is: example.com
                """);
    }

    @Test
    void canonicalFormIsNormalized() {
        Policy policy = PolicyParser.parseYaml(EVERY_CRITERION);
        @SuppressWarnings("unchecked")
        Map<String, Object> rule = (Map<String, Object>) policy.toJson().get(0);
        assertThat(rule.keySet()).containsExactly("allow", "deny");
        @SuppressWarnings("unchecked")
        Map<String, Object> allow = (Map<String, Object>) rule.get("allow");
        assertThat(allow.keySet()).containsExactly("and", "or");
        @SuppressWarnings("unchecked")
        List<Object> or = (List<Object>) allow.get("or");
        assertThat(or).contains(
                Map.of("email", Map.of("is", "alice@example.com")),
                Map.of("groups", Map.of("has", "admins", "exclude", "contractors")),
                Map.of("claim/roles", Map.of("has", "writer")),
                Map.of("date", Map.of("after", "2026-10-31T23:00:00Z", "before", "2027-01-01T00:00:00Z")),
                Map.of("day_of_week", Map.of("is", "sat,sun", "timezone", "Europe/Berlin")),
                Map.of("time_of_day", Map.of("after", "22:00", "before", "06:00:30")));
    }

    @Test
    void yamlAndJsonOfTheSamePolicyAreEqual() {
        Policy fromYaml = PolicyParser.parseYaml("""
                - allow:
                    and:
                      - email:
                          in: [a@example.com, b@example.com]
                """);
        Policy fromJson = PolicyParser.parse(List.of(Map.of("allow", Map.of("and",
                List.of(Map.of("email", Map.of("in", List.of("a@example.com", "b@example.com"))))))));
        assertThat(fromYaml).isEqualTo(fromJson);
    }

    @Test
    void vertxJsonTreesAreAccepted() {
        JsonArray rules = new JsonArray().add(new JsonObject().put("allow", new JsonObject()
                .put("and", new JsonArray().add(new JsonObject().put("email", new JsonObject()
                        .put("in", new JsonArray().add("a@example.com")))))));
        Policy policy = PolicyParser.parse(rules.getList());
        assertThat(policy.toJson()).isEqualTo(List.of(Map.of("allow", Map.of("and",
                List.of(Map.of("email", Map.of("in", List.of("a@example.com"))))))));
        assertThat(PolicyParser.parse(new JsonArray(rules.encode()).getList())).isEqualTo(policy);
    }

    @Test
    void singleRuleObjectBecomesAList() {
        Policy policy = PolicyParser.parse(Map.of("allow", Map.of("and", List.of(Map.of("accept", true)))));
        assertThat(policy.toJson()).isEqualTo(List.of(Map.of("allow", Map.of("and", List.of(Map.of("accept", true))))));
    }
}
