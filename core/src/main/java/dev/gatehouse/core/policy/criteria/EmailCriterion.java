package dev.gatehouse.core.policy.criteria;

import dev.gatehouse.core.policy.Principal;
import dev.gatehouse.core.policy.PolicyInput;

/**
 * {@code email}: a string matcher on the user's email address. Unlike Pomerium, comparison ignores case (mail
 * domains are case-insensitive and identity providers differ in how they case addresses).
 */
public final class EmailCriterion extends StringMatcherCriterion {

    public static final String NAME = "email";
    static final CriterionFactory FACTORY = factory(true, EmailCriterion::new);

    private EmailCriterion(StringMatcher matcher) {
        super(NAME, matcher);
    }

    @Override
    public long evaluate(PolicyInput input) {
        Principal user = input.user();
        if (user == null) {
            return Outcome.fail(Reason.USER_UNAUTHENTICATED);
        }
        return Outcome.decide(matcher.matches(user.email()), Reason.EMAIL_OK, Reason.EMAIL_UNAUTHORIZED);
    }
}
