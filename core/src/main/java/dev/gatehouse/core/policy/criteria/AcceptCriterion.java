package dev.gatehouse.core.policy.criteria;

import dev.gatehouse.core.policy.PolicyInput;

/** {@code accept: true} always matches (reason {@code accept}). */
public final class AcceptCriterion implements Criterion {

    public static final String NAME = "accept";
    static final CriterionFactory FACTORY = (subPath, value, context) ->
            context.requireTrue(value, NAME) ? new AcceptCriterion() : null;

    @Override
    public String key() {
        return NAME;
    }

    @Override
    public long evaluate(PolicyInput input) {
        return Outcome.pass(Reason.ACCEPT);
    }

    @Override
    public Object toJson() {
        return Boolean.TRUE;
    }
}
