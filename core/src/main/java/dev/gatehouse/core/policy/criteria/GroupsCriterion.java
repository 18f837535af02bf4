package dev.gatehouse.core.policy.criteria;

import dev.gatehouse.core.policy.Principal;
import dev.gatehouse.core.policy.PolicyInput;

/** {@code groups}: a string list matcher ({@code has}, {@code is}, {@code exclude}) on the user's groups. */
public final class GroupsCriterion implements Criterion {

    public static final String NAME = "groups";
    static final CriterionFactory FACTORY = (subPath, value, context) -> {
        StringListMatcher matcher = StringListMatcher.compile(value, context);
        return matcher == null ? null : new GroupsCriterion(matcher);
    };

    private final StringListMatcher matcher;

    private GroupsCriterion(StringListMatcher matcher) {
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
        return Outcome.decide(matcher.matches(user.groups()), Reason.GROUPS_OK, Reason.GROUPS_UNAUTHORIZED);
    }

    @Override
    public Object toJson() {
        return matcher.toJson();
    }
}
