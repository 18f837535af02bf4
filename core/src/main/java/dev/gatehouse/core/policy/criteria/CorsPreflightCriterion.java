package dev.gatehouse.core.policy.criteria;

import dev.gatehouse.core.policy.PolicyInput;

/** {@code cors_preflight: true} matches CORS preflight requests ({@code cors-request}/{@code non-cors-request}). */
public final class CorsPreflightCriterion implements Criterion {

    public static final String NAME = "cors_preflight";
    static final CriterionFactory FACTORY = (subPath, value, context) ->
            context.requireTrue(value, NAME) ? new CorsPreflightCriterion() : null;

    @Override
    public String key() {
        return NAME;
    }

    @Override
    public long evaluate(PolicyInput input) {
        return input.request().corsPreflight() ? Outcome.pass(Reason.CORS_REQUEST) : Outcome.fail(Reason.NON_CORS_REQUEST);
    }

    @Override
    public Object toJson() {
        return Boolean.TRUE;
    }
}
