package dev.gatehouse.core.policy.criteria;

import dev.gatehouse.core.policy.PolicyInput;

/** One compiled, immutable test of a policy input. Implementations must be thread-safe and allocation-light. */
public interface Criterion {

    /** The key as written in a policy, e.g. {@code email} or {@code claim/groups}. */
    String key();

    /** Evaluates against the input; see {@link Outcome} for the encoding. */
    long evaluate(PolicyInput input);

    /** The canonical value (what follows the key) as plain Map/List/String/Boolean. */
    Object toJson();
}
