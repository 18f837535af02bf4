package dev.gatehouse.core.policy.criteria;

import dev.gatehouse.core.policy.Principal;
import dev.gatehouse.core.policy.PolicyInput;
import java.util.Map;

/**
 * {@code claim/NAME}: a string list matcher on an identity-provider claim; a single-valued claim counts as a
 * one-element list, a missing one as an empty list. {@code NAME} is first looked up as-is (namespaced claims such
 * as {@code https://example.com/roles} contain slashes); when absent, a name with slashes walks nested objects.
 */
public final class ClaimCriterion implements Criterion {

    public static final String NAME = "claim";
    static final CriterionFactory FACTORY = (subPath, value, context) -> {
        StringListMatcher matcher = StringListMatcher.compile(value, context);
        return matcher == null ? null : new ClaimCriterion(subPath, matcher);
    };

    private final String claim;
    private final String[] nestedPath;
    private final StringListMatcher matcher;

    private ClaimCriterion(String claim, StringListMatcher matcher) {
        this.claim = claim;
        this.nestedPath = claim.split("/", -1);
        this.matcher = matcher;
    }

    @Override
    public String key() {
        return NAME + "/" + claim;
    }

    @Override
    public long evaluate(PolicyInput input) {
        Principal user = input.user();
        if (user == null) {
            return Outcome.fail(Reason.USER_UNAUTHENTICATED);
        }
        return Outcome.decide(matcher.matches(lookup(user.claims())), Reason.CLAIM_OK, Reason.CLAIM_UNAUTHORIZED);
    }

    private Object lookup(Map<String, Object> claims) {
        Object value = claims.get(claim);
        if (value != null || nestedPath.length == 1) {
            return value;
        }
        Object current = claims;
        for (String segment : nestedPath) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(segment);
        }
        return current;
    }

    @Override
    public Object toJson() {
        return matcher.toJson();
    }
}
