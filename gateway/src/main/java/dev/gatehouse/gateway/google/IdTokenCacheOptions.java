package dev.gatehouse.gateway.google;

import java.time.Duration;
import java.util.Objects;

/**
 * How the cache treats a token's lifetime. A cached token is handed out while more than {@code refreshMargin} of
 * its life is left (so it cannot expire on the way to the upstream); once less than {@code refreshAhead} is left,
 * a request still gets it but a new one is minted in the background. After a failed mint, requests for that
 * (identity, audience) fail fast with the same explanation for {@code failureTtl}, then a mint is tried again.
 */
public record IdTokenCacheOptions(Duration refreshMargin, Duration refreshAhead, Duration failureTtl) {

    /** Google ID tokens live an hour: hand out with at least 1 minute left, renew 5 minutes ahead, retry after 5 s. */
    public static final IdTokenCacheOptions DEFAULTS =
            new IdTokenCacheOptions(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofSeconds(5));

    public IdTokenCacheOptions {
        Objects.requireNonNull(refreshMargin, "refreshMargin");
        Objects.requireNonNull(refreshAhead, "refreshAhead");
        Objects.requireNonNull(failureTtl, "failureTtl");
        if (refreshMargin.isNegative() || failureTtl.isNegative()) {
            throw new IllegalArgumentException("refreshMargin and failureTtl must not be negative");
        }
        if (refreshAhead.compareTo(refreshMargin) < 0) {
            throw new IllegalArgumentException("refreshAhead (" + refreshAhead
                    + ") must be at least refreshMargin (" + refreshMargin + ")");
        }
    }
}
