package dev.gatehouse.gateway;

import java.util.Objects;

/** Where the two servers listen, and how many event loops serve the gateway port. */
public record ListenerSettings(int httpPort, int adminPort, String bind, int eventLoops) {
    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final int DEFAULT_ADMIN_PORT = 9090;
    public static final String DEFAULT_BIND = "0.0.0.0";
    /** The demo's identity provider signs in anyone: by default it listens on loopback only. */
    public static final String DEMO_BIND = "127.0.0.1";
    public static final int MAX_EVENT_LOOPS = 256;

    public ListenerSettings {
        Objects.requireNonNull(bind, "bind");
        if (eventLoops < 1 || eventLoops > MAX_EVENT_LOOPS) {
            throw new IllegalArgumentException("eventLoops must be from 1 to " + MAX_EVENT_LOOPS);
        }
    }

    /** Every default, listening on {@code bind}. */
    public static ListenerSettings defaults(String bind) {
        return new ListenerSettings(DEFAULT_HTTP_PORT, DEFAULT_ADMIN_PORT, bind, defaultEventLoops());
    }

    /** One event loop per processor: the gateway's work is CPU-bound and never blocks. */
    public static int defaultEventLoops() {
        return Math.min(MAX_EVENT_LOOPS, Runtime.getRuntime().availableProcessors());
    }

    public ListenerSettings withPorts(int httpPort, int adminPort) {
        return new ListenerSettings(httpPort, adminPort, bind, eventLoops);
    }

    public ListenerSettings withBind(String bind) {
        return new ListenerSettings(httpPort, adminPort, bind, eventLoops);
    }

    public ListenerSettings withEventLoops(int eventLoops) {
        return new ListenerSettings(httpPort, adminPort, bind, eventLoops);
    }
}
