package dev.gatehouse.core.policy.criteria;

import dev.gatehouse.core.policy.PolicyInput;

/** {@code reject: true} never matches (reason {@code reject}). */
public final class RejectCriterion implements Criterion {

    public static final String NAME = "reject";
    static final CriterionFactory FACTORY = (subPath, value, context) ->
            context.requireTrue(value, NAME) ? new RejectCriterion() : null;

    @Override
    public String key() {
        return NAME;
    }

    @Override
    public long evaluate(PolicyInput input) {
        return Outcome.fail(Reason.REJECT);
    }

    @Override
    public Object toJson() {
        return Boolean.TRUE;
    }
}
