package dev.gatehouse.core.policy.criteria;

import dev.gatehouse.core.policy.PolicyInput;

/** {@code http_method}: a string matcher on the request method, ignoring case ({@code get} matches {@code GET}). */
public final class HttpMethodCriterion implements Criterion {

    public static final String NAME = "http_method";
    static final CriterionFactory FACTORY = (subPath, value, context) -> {
        StringMatcher matcher = StringMatcher.compile(value, true, context);
        return matcher == null ? null : new HttpMethodCriterion(matcher);
    };

    private final StringMatcher matcher;

    private HttpMethodCriterion(StringMatcher matcher) {
        this.matcher = matcher;
    }

    @Override
    public String key() {
        return NAME;
    }

    @Override
    public long evaluate(PolicyInput input) {
        return Outcome.decide(matcher.matches(input.request().method()),
                Reason.HTTP_METHOD_OK, Reason.HTTP_METHOD_UNAUTHORIZED);
    }

    @Override
    public Object toJson() {
        return matcher.toJson();
    }
}
