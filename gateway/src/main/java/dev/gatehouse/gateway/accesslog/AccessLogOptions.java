package dev.gatehouse.gateway.accesslog;

import java.time.Clock;
import java.util.Objects;

/**
 * @param capacity entries that may wait for the writer; beyond that new entries are dropped and counted, so a
 *                 slow sink never slows requests down nor grows memory without bound
 * @param sink     where lines go
 * @param clock    arrival times
 * @param ticker   durations
 */
public record AccessLogOptions(int capacity, AccessLogSink sink, Clock clock, Ticker ticker) {
    public static final int DEFAULT_CAPACITY = 16_384;

    public AccessLogOptions {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ticker, "ticker");
    }

    public static AccessLogOptions defaults(Clock clock) {
        return new AccessLogOptions(DEFAULT_CAPACITY, ConsoleAccessLogSink.forAccessLogger(clock), clock, Ticker.system());
    }

    public AccessLogOptions withSink(AccessLogSink newSink) {
        return new AccessLogOptions(capacity, newSink, clock, ticker);
    }

    public AccessLogOptions withCapacity(int newCapacity) {
        return new AccessLogOptions(newCapacity, sink, clock, ticker);
    }

    public AccessLogOptions withTicker(Ticker newTicker) {
        return new AccessLogOptions(capacity, sink, clock, newTicker);
    }
}
