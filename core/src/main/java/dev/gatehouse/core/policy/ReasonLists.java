package dev.gatehouse.core.policy;

import dev.gatehouse.core.policy.criteria.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Turns a reason mask plus a verdict into the reason list of a {@link Decision}. The lists are immutable and kept
 * in a small direct-mapped cache (a slot holds the last list that hashed there), so a steady stream of evaluations
 * reuses a handful of lists and a lookup allocates nothing.
 */
final class ReasonLists {

    enum Verdict {
        ALLOWED, DENIED, NO_MATCHING_ALLOW_RULE
    }

    private static final int SLOTS = 256;
    private static final Reason[] BY_CODE = sortedByCode();

    private record Slot(long key, List<String> reasons) {
    }

    private final AtomicReferenceArray<Slot> slots = new AtomicReferenceArray<>(SLOTS);

    List<String> reasons(long mask, Verdict verdict, int rule) {
        long key = mask | ((long) verdict.ordinal() << 32) | ((long) rule << 34);
        int index = (int) (mix(key) & (SLOTS - 1));
        Slot slot = slots.get(index);
        if (slot != null && slot.key() == key) {
            return slot.reasons();
        }
        List<String> built = build(mask, verdict, rule);
        slots.set(index, new Slot(key, built));
        return built;
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    private static List<String> build(long mask, Verdict verdict, int rule) {
        List<String> reasons = new ArrayList<>();
        for (Reason reason : BY_CODE) {
            if ((mask & (1L << reason.ordinal())) != 0) {
                reasons.add(reason.code());
            }
        }
        reasons.add(switch (verdict) {
            case ALLOWED -> "allowed-by-rule-" + rule;
            case DENIED -> "denied-by-rule-" + rule;
            case NO_MATCHING_ALLOW_RULE -> Decision.NO_MATCHING_ALLOW_RULE;
        });
        return List.copyOf(reasons);
    }

    private static Reason[] sortedByCode() {
        List<Reason> reasons = new ArrayList<>(List.of(Reason.values()));
        reasons.sort((a, b) -> a.code().compareTo(b.code()));
        return reasons.toArray(new Reason[0]);
    }
}
