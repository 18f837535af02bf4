package dev.gatehouse.core.policy;

import dev.gatehouse.core.policy.criteria.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a reason mask plus a verdict into the reason list of a {@link Decision}. The lists are immutable and
 * cached, so a steady stream of evaluations reuses a handful of lists instead of building new ones.
 */
final class ReasonLists {

    enum Verdict {
        ALLOWED, DENIED, NO_MATCHING_ALLOW_RULE
    }

    private static final int MAX_CACHED = 4096;
    private static final Reason[] BY_CODE = sortedByCode();

    private final Map<Long, List<String>> cache = new ConcurrentHashMap<>();

    List<String> reasons(long mask, Verdict verdict, int rule) {
        long key = mask | ((long) verdict.ordinal() << 32) | ((long) rule << 34);
        List<String> cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        List<String> built = build(mask, verdict, rule);
        if (cache.size() < MAX_CACHED) {
            cache.putIfAbsent(key, built);
        }
        return built;
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
