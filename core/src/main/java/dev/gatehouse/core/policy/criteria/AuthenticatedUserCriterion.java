package dev.gatehouse.core.policy.criteria;

import dev.gatehouse.core.policy.PolicyInput;

/** {@code authenticated_user: true} matches any signed-in user ({@code user-ok}/{@code user-unauthenticated}). */
public final class AuthenticatedUserCriterion implements Criterion {

    public static final String NAME = "authenticated_user";
    static final CriterionFactory FACTORY = (subPath, value, context) ->
            context.requireTrue(value, NAME) ? new AuthenticatedUserCriterion() : null;

    @Override
    public String key() {
        return NAME;
    }

    @Override
    public long evaluate(PolicyInput input) {
        return input.user() == null ? Outcome.fail(Reason.USER_UNAUTHENTICATED) : Outcome.pass(Reason.USER_OK);
    }

    @Override
    public Object toJson() {
        return Boolean.TRUE;
    }
}
