package dev.gatehouse.gateway.accesslog;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Clock;
import java.time.Duration;

/**
 * One line per request, written off the request path: entries go to a bounded queue that a background thread
 * drains into the sink. When the queue is full, entries are dropped and counted (and the count logged) rather
 * than ever blocking an event loop.
 */
public final class AccessLog {
    private final AccessLogWriter writer;
    private final Clock clock;
    private final Ticker ticker;

    private AccessLog(AccessLogOptions options) {
        this.writer = new AccessLogWriter(options.capacity(), options.sink());
        this.clock = options.clock();
        this.ticker = options.ticker();
    }

    /** Starts the background writer. */
    public static AccessLog start(AccessLogOptions options) {
        return new AccessLog(options);
    }

    /**
     * Starts the record of {@code request}; call first thing. The access log takes the response's end and close
     * handlers (its line is queued when the response ends, or when the connection closes before that) and, for a
     * WebSocket upgrade, its headers-end handler (the line is queued when the 101 goes out; the session's own
     * length is not recorded).
     */
    public RequestLog begin(HttpServerRequest request, String requestId) {
        RequestLog log = new RequestLog(request, requestId, clock.instant(), ticker, writer);
        HttpServerResponse response = request.response();
        response.endHandler(v -> log.finish(false));
        response.closeHandler(v -> log.finish(false));
        if (request.canUpgradeToWebSocket()) {
            // An upgraded connection's response never ends: a WebSocket is logged when its upgrade is answered.
            response.headersEndHandler(v -> {
                if (response.getStatusCode() == 101) {
                    log.finish(true);
                }
            });
        }
        return log;
    }

    /** Queues an entry without blocking; false when it was dropped because the queue is full or closed. */
    public boolean offer(AccessLogEntry entry) {
        return writer.offer(entry);
    }

    /** Entries dropped so far. */
    public long dropped() {
        return writer.dropped();
    }

    /** Entries the sink accepted so far. */
    public long written() {
        return writer.written();
    }

    /** Writes what is queued and stops the writer; blocking, for shutdown. */
    public void close(Duration timeout) throws InterruptedException {
        writer.close(timeout);
    }
}
