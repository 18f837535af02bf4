package dev.gatehouse.core.policy.criteria;

import dev.gatehouse.core.policy.Principal;
import dev.gatehouse.core.policy.PolicyInput;

/** {@code user}: a string matcher on the user id ({@code sub}), compared exactly as Pomerium does. */
public final class UserCriterion extends StringMatcherCriterion {

    public static final String NAME = "user";
    static final CriterionFactory FACTORY = factory(false, UserCriterion::new);

    private UserCriterion(StringMatcher matcher) {
        super(NAME, matcher);
    }

    @Override
    public long evaluate(PolicyInput input) {
        Principal user = input.user();
        if (user == null) {
            return Outcome.fail(Reason.USER_UNAUTHENTICATED);
        }
        return Outcome.decide(matcher.matches(user.sub()), Reason.USER_OK, Reason.USER_UNAUTHORIZED);
    }
}
