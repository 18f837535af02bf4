package dev.gatehouse.core.policy.criteria;

import dev.gatehouse.core.policy.Principal;
import dev.gatehouse.core.policy.PolicyInput;

/** {@code user}: a string matcher on the user id ({@code sub}), compared exactly as Pomerium does. */
public final class UserCriterion implements Criterion {

    public static final String NAME = "user";
    static final CriterionFactory FACTORY = (subPath, value, context) -> {
        StringMatcher matcher = StringMatcher.compile(value, false, context);
        return matcher == null ? null : new UserCriterion(matcher);
    };

    private final StringMatcher matcher;

    private UserCriterion(StringMatcher matcher) {
        this.matcher = matcher;
    }

    @Override
    public String key() {
        return NAME;
    }

    @Override
    public long evaluate(PolicyInput input) {
        Principal user = input.user();
        if (user == null) {
            return Outcome.fail(Reason.USER_UNAUTHENTICATED);
        }
        return Outcome.decide(matcher.matches(user.sub()), Reason.USER_OK, Reason.USER_UNAUTHORIZED);
    }

    @Override
    public Object toJson() {
        return matcher.toJson();
    }
}
