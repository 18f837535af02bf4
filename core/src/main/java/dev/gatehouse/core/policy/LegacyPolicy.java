package dev.gatehouse.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The legacy route fields {@code allowed_users}, {@code allowed_domains} and {@code allowed_idp_claims} as policy
 * rules, the way Pomerium converts them: one allow rule whose {@code or} lists {@code domain is D} for each
 * domain, {@code claim/K has V} for each claim value (claims sorted by name), then {@code user is U} and
 * {@code email is U} for each user. Any one of them allows; with none given there is no rule.
 */
public final class LegacyPolicy {

    private LegacyPolicy() {
    }

    /** The legacy fields as a compiled policy (the empty policy when all are empty or null). */
    public static Policy from(List<String> allowedUsers, List<String> allowedDomains,
            Map<String, List<String>> allowedIdpClaims) {
        return PolicyParser.parse(rules(allowedUsers, allowedDomains, allowedIdpClaims));
    }

    /** The legacy fields as policy rules in structured form, to be combined with a route's own rules. */
    public static List<Object> rules(List<String> allowedUsers, List<String> allowedDomains,
            Map<String, List<String>> allowedIdpClaims) {
        List<Object> criteria = new ArrayList<>();
        for (String domain : orEmpty(allowedDomains)) {
            criteria.add(Map.of("domain", Map.of("is", domain)));
        }
        if (allowedIdpClaims != null) {
            for (Map.Entry<String, List<String>> claim : new TreeMap<>(allowedIdpClaims).entrySet()) {
                for (String value : orEmpty(claim.getValue())) {
                    criteria.add(Map.of("claim/" + claim.getKey(), Map.of("has", value)));
                }
            }
        }
        for (String user : orEmpty(allowedUsers)) {
            criteria.add(Map.of("user", Map.of("is", user)));
            criteria.add(Map.of("email", Map.of("is", user)));
        }
        return criteria.isEmpty() ? List.of() : List.of(Map.of("allow", Map.of("or", List.copyOf(criteria))));
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
