package dev.gatehouse.core.policy.criteria;

/**
 * Allocation-free result of evaluating a criterion or a group of criteria, packed in a {@code long}:
 * the sign bit says "matched", the low bits are a mask of {@link Reason} ordinals.
 */
public final class Outcome {

    public static final long MATCHED = 1L << 63;
    public static final long REASONS = ~MATCHED;

    private Outcome() {
    }

    /** A matched outcome with reason {@code ok}, or an unmatched one with reason {@code unauthorized}. */
    public static long decide(boolean matched, Reason ok, Reason unauthorized) {
        return matched ? MATCHED | ok.bit() : unauthorized.bit();
    }

    public static long pass(Reason reason) {
        return MATCHED | reason.bit();
    }

    public static long fail(Reason reason) {
        return reason.bit();
    }

    public static boolean matched(long outcome) {
        return outcome < 0;
    }

    public static long reasons(long outcome) {
        return outcome & REASONS;
    }
}
