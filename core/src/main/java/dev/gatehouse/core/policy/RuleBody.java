package dev.gatehouse.core.policy;

import dev.gatehouse.core.policy.criteria.Criterion;
import dev.gatehouse.core.policy.criteria.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of an {@code allow} or {@code deny} action: one or more operator groups. As in Pomerium, the body
 * matches when any of its groups matches (an {@code and} and an {@code or} side by side are alternatives).
 */
final class RuleBody {

    /** One operator with its criteria. */
    record Group(LogicalOperator operator, Criterion[] criteria) {
    }

    private final Group[] groups;

    RuleBody(List<Group> groups) {
        this.groups = groups.toArray(new Group[0]);
    }

    long evaluate(PolicyInput input) {
        long matchedReasons = 0;
        long failedReasons = 0;
        boolean matched = false;
        for (Group group : groups) {
            long outcome = group.operator().evaluate(group.criteria(), input);
            if (Outcome.matched(outcome)) {
                matched = true;
                matchedReasons |= Outcome.reasons(outcome);
            } else {
                failedReasons |= outcome;
            }
        }
        return matched ? Outcome.MATCHED | matchedReasons : failedReasons;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        for (Group group : groups) {
            List<Object> criteria = new ArrayList<>();
            for (Criterion criterion : group.criteria()) {
                criteria.add(Map.of(criterion.key(), criterion.toJson()));
            }
            json.put(group.operator().key(), List.copyOf(criteria));
        }
        return java.util.Collections.unmodifiableMap(json);
    }
}
