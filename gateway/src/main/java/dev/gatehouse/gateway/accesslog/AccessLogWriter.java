package dev.gatehouse.gateway.accesslog;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded hand-off from request threads to one background thread that feeds the sink. {@link #offer} never
 * blocks and takes no lock: a lock-free queue, a counter for the bound, and an unpark only when the writer sleeps.
 * Having emptied the queue, the writer flushes the sink, then lingers for {@link #LINGER_NANOS} before it announces
 * that it sleeps: under load the next entries arrive within that time, so request threads almost never pay for
 * waking it (a system call) and it writes entries in batches; an idle writer sleeps until woken. A load that never
 * lets the queue drain still gets a flush every {@link #FLUSH_INTERVAL_NANOS}.
 */
final class AccessLogWriter {
    private static final Logger LOG = LoggerFactory.getLogger(AccessLogWriter.class);
    static final long LINGER_NANOS = 2_000_000;
    static final long FLUSH_INTERVAL_NANOS = 100_000_000;

    private final Queue<AccessLogEntry> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder written = new LongAdder();
    private final int capacity;
    private final AccessLogSink sink;
    private final Thread thread;
    private volatile boolean sleeping;
    private volatile boolean closed;
    private long droppedReported;
    private long lastFlush = System.nanoTime();

    AccessLogWriter(int capacity, AccessLogSink sink) {
        this.capacity = capacity;
        this.sink = sink;
        this.thread = new Thread(this::run, "gatehouse-access-log");
        thread.setDaemon(true);
        thread.start();
    }

    boolean offer(AccessLogEntry entry) {
        if (closed) {
            dropped.increment();
            return false;
        }
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            dropped.increment();
            return false;
        }
        queue.offer(entry);
        if (sleeping) {
            LockSupport.unpark(thread);
        }
        return true;
    }

    long dropped() {
        return dropped.sum();
    }

    long written() {
        return written.sum();
    }

    /** Writes what is queued, then stops the thread (waits at most {@code timeout}; call off the event loop). */
    void close(Duration timeout) throws InterruptedException {
        closed = true;
        LockSupport.unpark(thread);
        thread.join(timeout.toMillis());
    }

    private void run() {
        while (true) {
            AccessLogEntry entry = queue.poll();
            if (entry == null) {
                flushSink();
                reportDrops();
                if (closed) {
                    return;
                }
                LockSupport.parkNanos(this, LINGER_NANOS);
                if (!queue.isEmpty() || closed) {
                    continue;
                }
                sleeping = true;
                // Re-checked after announcing the sleep: an offer in between either is seen here or unparks us.
                if (queue.isEmpty() && !closed) {
                    LockSupport.park(this);
                }
                sleeping = false;
                continue;
            }
            size.decrementAndGet();
            try {
                sink.write(entry);
                written.increment();
            } catch (RuntimeException e) {
                LOG.warn("access log sink failed for request {}: {}", entry.requestId(), e.toString());
            }
            if (System.nanoTime() - lastFlush >= FLUSH_INTERVAL_NANOS) {
                flushSink();
            }
        }
    }

    private void flushSink() {
        lastFlush = System.nanoTime();
        try {
            sink.flush();
        } catch (RuntimeException e) {
            LOG.warn("access log sink failed to flush: {}", e.toString());
        }
    }

    private void reportDrops() {
        long total = dropped.sum();
        if (total > droppedReported) {
            LOG.warn("access log full: dropped {} lines ({} in total)", total - droppedReported, total);
            droppedReported = total;
        }
    }
}
