package dev.gatehouse.gateway.accesslog;

/** Where access log lines go. Called on the access log's own thread only, so it may block. */
@FunctionalInterface
public interface AccessLogSink {

    /** Takes one line; a sink may hold it until {@link #flush()}. */
    void write(AccessLogEntry entry);

    /**
     * Pushes out what {@link #write} held back. The writer calls it whenever its queue has drained, at least every
     * {@link AccessLogWriter#FLUSH_INTERVAL_NANOS} under a load that never lets it drain, and before it stops.
     */
    default void flush() {
    }
}
