package dev.gatehouse.core.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One element of a policy: an {@code allow} body, a {@code deny} body, or both (Pomerium lets one object carry
 * both actions).
 *
 * @param number 1-based position in the policy
 * @param allow  null when the element has no allow action
 * @param deny   null when the element has no deny action
 */
record CompiledRule(int number, RuleBody allow, RuleBody deny) {

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        if (allow != null) {
            json.put("allow", allow.toJson());
        }
        if (deny != null) {
            json.put("deny", deny.toJson());
        }
        return Collections.unmodifiableMap(json);
    }
}
