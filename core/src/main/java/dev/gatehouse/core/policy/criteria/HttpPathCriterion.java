package dev.gatehouse.core.policy.criteria;

import dev.gatehouse.core.policy.PolicyInput;

/** {@code http_path}: a string matcher on the request path (without query), compared exactly. */
public final class HttpPathCriterion extends StringMatcherCriterion {

    public static final String NAME = "http_path";
    static final CriterionFactory FACTORY = factory(false, HttpPathCriterion::new);

    private HttpPathCriterion(StringMatcher matcher) {
        super(NAME, matcher);
    }

    @Override
    public long evaluate(PolicyInput input) {
        return Outcome.decide(matcher.matches(input.request().path()), Reason.HTTP_PATH_OK, Reason.HTTP_PATH_UNAUTHORIZED);
    }
}
