package dev.gatehouse.core.policy.criteria;

import dev.gatehouse.core.policy.Principal;
import dev.gatehouse.core.policy.PolicyInput;

/**
 * {@code domain}: a string matcher on the part of the user's email after the last {@code @}, ignoring case.
 * A user without an email, or an email without {@code @}, does not match.
 */
public final class DomainCriterion implements Criterion {

    public static final String NAME = "domain";
    static final CriterionFactory FACTORY = (subPath, value, context) -> {
        StringMatcher matcher = StringMatcher.compile(value, true, context);
        return matcher == null ? null : new DomainCriterion(matcher);
    };

    private final StringMatcher matcher;

    private DomainCriterion(StringMatcher matcher) {
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
        String email = user.email();
        int at = email == null ? -1 : email.lastIndexOf('@');
        boolean matched = at >= 0 && matcher.matches(email, at + 1);
        return Outcome.decide(matched, Reason.DOMAIN_OK, Reason.DOMAIN_UNAUTHORIZED);
    }

    @Override
    public Object toJson() {
        return matcher.toJson();
    }
}
