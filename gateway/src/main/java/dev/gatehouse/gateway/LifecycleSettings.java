package dev.gatehouse.gateway;

import java.time.Duration;
import java.util.Objects;

/** How the process stops: in-flight requests get up to {@code shutdownGrace} on SIGTERM. */
public record LifecycleSettings(Duration shutdownGrace) {
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
    public static final LifecycleSettings DEFAULTS = new LifecycleSettings(DEFAULT_SHUTDOWN_GRACE);

    public LifecycleSettings {
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    }
}
