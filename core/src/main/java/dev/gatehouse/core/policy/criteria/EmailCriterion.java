package dev.gatehouse.core.policy.criteria;

import dev.gatehouse.core.policy.Principal;
import dev.gatehouse.core.policy.PolicyInput;

/**
 * {@code email}: a string matcher on the user's email address. Unlike Pomerium, comparison ignores case (mail
 * domains are case-insensitive and identity providers differ in how they case addresses).
 */
public final class EmailCriterion implements Criterion {

    public static final String NAME = "email";
    static final CriterionFactory FACTORY = (subPath, value, context) -> {
        StringMatcher matcher = StringMatcher.compile(value, true, context);
        return matcher == null ? null : new EmailCriterion(matcher);
    };

    private final StringMatcher matcher;

    private EmailCriterion(StringMatcher matcher) {
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
        return Outcome.decide(matcher.matches(user.email()), Reason.EMAIL_OK, Reason.EMAIL_UNAUTHORIZED);
    }

    @Override
    public Object toJson() {
        return matcher.toJson();
    }
}
