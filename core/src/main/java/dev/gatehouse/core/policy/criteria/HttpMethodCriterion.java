package dev.gatehouse.core.policy.criteria;

import dev.gatehouse.core.policy.PolicyInput;

/** {@code http_method}: a string matcher on the request method, ignoring case ({@code get} matches {@code GET}). */
public final class HttpMethodCriterion extends StringMatcherCriterion {

    public static final String NAME = "http_method";
    static final CriterionFactory FACTORY = factory(true, HttpMethodCriterion::new);

    private HttpMethodCriterion(StringMatcher matcher) {
        super(NAME, matcher);
    }

    @Override
    public long evaluate(PolicyInput input) {
        return Outcome.decide(matcher.matches(input.request().method()),
                Reason.HTTP_METHOD_OK, Reason.HTTP_METHOD_UNAUTHORIZED);
    }
}
