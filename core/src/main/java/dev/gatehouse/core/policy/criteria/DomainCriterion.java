package dev.gatehouse.core.policy.criteria;

import dev.gatehouse.core.policy.Principal;
import dev.gatehouse.core.policy.PolicyInput;

/**
 * {@code domain}: a string matcher on the part of the user's email after the last {@code @}, ignoring case.
 * A user without an email, or an email without {@code @}, does not match.
 */
public final class DomainCriterion extends StringMatcherCriterion {

    public static final String NAME = "domain";
    static final CriterionFactory FACTORY = factory(true, DomainCriterion::new);

    private DomainCriterion(StringMatcher matcher) {
        super(NAME, matcher);
    }

    @Override
    public long evaluate(PolicyInput input) {
        Principal user = input.user();
        if (user == null) {
            return Outcome.fail(Reason.USER_UNAUTHENTICATED);
        }
        String email = user.email();
        int at = email == null ? -1 : email.lastIndexOf('@');
        boolean matched = at >= 0 && matcher.matches(email, at + 1);
        return Outcome.decide(matched, Reason.DOMAIN_OK, Reason.DOMAIN_UNAUTHORIZED);
    }
}
