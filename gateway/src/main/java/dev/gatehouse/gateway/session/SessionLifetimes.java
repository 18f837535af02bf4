package dev.gatehouse.gateway.session;

import java.time.Duration;
import java.util.Objects;

/**
 * How long sessions live: {@code idle} after the last request, {@code absolute} after sign-in, whichever ends first.
 */
public record SessionLifetimes(Duration idle, Duration absolute) {

    public static final SessionLifetimes DEFAULT = new SessionLifetimes(Duration.ofHours(4), Duration.ofHours(24));

    public SessionLifetimes {
        Objects.requireNonNull(idle, "idle");
        Objects.requireNonNull(absolute, "absolute");
        if (idle.isNegative() || idle.isZero() || absolute.isNegative() || absolute.isZero()) {
            throw new IllegalArgumentException("session lifetimes must be positive");
        }
    }
}
