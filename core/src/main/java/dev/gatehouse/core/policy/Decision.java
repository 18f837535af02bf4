package dev.gatehouse.core.policy;

import java.util.List;

/**
 * The verdict of a policy.
 *
 * <p>{@code reasons} holds Pomerium-style reason codes of the criteria that decided (e.g. {@code email-ok},
 * {@code groups-unauthorized}, {@code user-unauthenticated}) followed by one verdict code:
 * {@code allowed-by-rule-N}, {@code denied-by-rule-N} or {@code no-matching-allow-rule}.
 *
 * @param allowed      whether access is granted
 * @param reasons      reason codes, sorted criterion codes first, then the verdict code
 * @param decidingRule 1-based number of the rule (element of {@link Policy#toJson()}) that decided,
 *                     0 when no rule decided (default deny)
 */
public record Decision(boolean allowed, List<String> reasons, int decidingRule) {

    public static final String USER_UNAUTHENTICATED = "user-unauthenticated";
    public static final String NO_MATCHING_ALLOW_RULE = "no-matching-allow-rule";

    public Decision {
        reasons = List.copyOf(reasons);
    }

    public Decision(boolean allowed, List<String> reasons) {
        this(allowed, reasons, 0);
    }

    /** True when access was refused and signing in could change that: the caller should start a login. */
    public boolean requiresLogin() {
        return !allowed && reasons.contains(USER_UNAUTHENTICATED);
    }
}
