package dev.gatehouse.core.policy.criteria;

import dev.gatehouse.core.policy.PolicyInput;

/** {@code http_path}: a string matcher on the request path (without query), compared exactly. */
public final class HttpPathCriterion implements Criterion {

    public static final String NAME = "http_path";
    static final CriterionFactory FACTORY = (subPath, value, context) -> {
        StringMatcher matcher = StringMatcher.compile(value, false, context);
        return matcher == null ? null : new HttpPathCriterion(matcher);
    };

    private final StringMatcher matcher;

    private HttpPathCriterion(StringMatcher matcher) {
        this.matcher = matcher;
    }

    @Override
    public String key() {
        return NAME;
    }

    @Override
    public long evaluate(PolicyInput input) {
        return Outcome.decide(matcher.matches(input.request().path()), Reason.HTTP_PATH_OK, Reason.HTTP_PATH_UNAUTHORIZED);
    }

    @Override
    public Object toJson() {
        return matcher.toJson();
    }
}
