package dev.gatehouse.gateway.accesslog;

/** Where access log lines go. Called on the access log's own thread only, so it may block. */
@FunctionalInterface
public interface AccessLogSink {

    void write(AccessLogEntry entry);
}
