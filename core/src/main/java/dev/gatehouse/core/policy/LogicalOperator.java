package dev.gatehouse.core.policy;

import dev.gatehouse.core.policy.criteria.Criterion;
import dev.gatehouse.core.policy.criteria.Outcome;

/**
 * The four logical operators of a rule, with Pomerium's semantics and reason merging: {@code and} (all match),
 * {@code or} (any matches), {@code not} (none matches: NOT a AND NOT b) and {@code nor} (not all match:
 * NOT a OR NOT b). A matched result carries the reasons of the criteria that made it match; an unmatched one the
 * reasons of those that made it fail.
 */
enum LogicalOperator {
    AND("and"),
    OR("or"),
    NOT("not"),
    NOR("nor");

    private final String key;

    LogicalOperator(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    static LogicalOperator byKey(String key) {
        for (LogicalOperator operator : values()) {
            if (operator.key.equals(key)) {
                return operator;
            }
        }
        return null;
    }

    long evaluate(Criterion[] criteria, PolicyInput input) {
        long matchedReasons = 0;
        long failedReasons = 0;
        int matchedCount = 0;
        for (Criterion criterion : criteria) {
            long outcome = criterion.evaluate(input);
            if (Outcome.matched(outcome)) {
                matchedCount++;
                matchedReasons |= Outcome.reasons(outcome);
            } else {
                failedReasons |= outcome;
            }
        }
        return switch (this) {
            case AND -> matchedCount == criteria.length ? Outcome.MATCHED | matchedReasons : failedReasons;
            case OR -> matchedCount > 0 ? Outcome.MATCHED | matchedReasons : failedReasons;
            case NOT -> matchedCount == 0 ? Outcome.MATCHED | failedReasons : matchedReasons;
            case NOR -> matchedCount < criteria.length ? Outcome.MATCHED | failedReasons : matchedReasons;
        };
    }
}
