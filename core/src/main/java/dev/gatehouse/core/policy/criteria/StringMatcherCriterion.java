package dev.gatehouse.core.policy.criteria;

import java.util.function.Function;

/**
 * The shape shared by the criteria whose value is a string matcher ({@code email}, {@code user}, {@code domain},
 * {@code http_method}, {@code http_path}): each says only which string it matches and which reasons it gives.
 */
abstract class StringMatcherCriterion implements Criterion {

    private final String key;
    final StringMatcher matcher;

    StringMatcherCriterion(String key, StringMatcher matcher) {
        this.key = key;
        this.matcher = matcher;
    }

    /** A factory compiling the value into a matcher ({@code ignoreCase} for case-insensitive comparison). */
    static CriterionFactory factory(boolean ignoreCase, Function<StringMatcher, Criterion> criterion) {
        return (subPath, value, context) -> {
            StringMatcher matcher = StringMatcher.compile(value, ignoreCase, context);
            return matcher == null ? null : criterion.apply(matcher);
        };
    }

    @Override
    public final String key() {
        return key;
    }

    @Override
    public final Object toJson() {
        return matcher.toJson();
    }
}
