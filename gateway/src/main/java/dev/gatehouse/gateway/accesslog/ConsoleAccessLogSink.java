package dev.gatehouse.gateway.accesslog;

import java.io.PrintStream;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Writes access log lines exactly as slf4j-simple writes them for the {@code gatehouse.access} logger (its prefix,
 * the JSON line, the line separator, on standard error), but in batches: lines collect in a buffer that goes out in
 * one write when the writer flushes (its queue drained, or {@link AccessLogWriter#FLUSH_INTERVAL_NANOS} passed) or
 * when it passes {@link #BATCH_CHARS}. slf4j-simple writes and flushes every line by itself: a system call per
 * request. A batch is one print on the stream, whose lock keeps other loggers' lines from landing inside it.
 */
final class ConsoleAccessLogSink implements AccessLogSink {
    static final int BATCH_CHARS = 32 * 1024;
    private static final String LINE_END = System.lineSeparator();

    private final SimpleLoggerLayout layout;
    private final Supplier<PrintStream> target;
    private final Clock clock;
    private final StringBuilder batch = new StringBuilder(BATCH_CHARS + 1024);

    /** {@code target} is asked for the stream at every flush (standard error may be replaced meanwhile). */
    ConsoleAccessLogSink(SimpleLoggerLayout layout, Supplier<PrintStream> target, Clock clock) {
        this.layout = layout;
        this.target = target;
        this.clock = clock;
    }

    /** This sink where slf4j-simple's layout for the access logger can be reproduced, else {@link Slf4jAccessLogSink}. */
    static AccessLogSink forAccessLogger(Clock clock) {
        return SimpleLoggerLayout.forAccessLogger()
                .<AccessLogSink>map(layout -> new ConsoleAccessLogSink(layout, layout::target, clock))
                .orElseGet(Slf4jAccessLogSink::new);
    }

    @Override
    public void write(AccessLogEntry entry) {
        layout.appendPrefix(batch, clock.millis()).append(AccessLogLines.json(entry)).append(LINE_END);
        if (batch.length() >= BATCH_CHARS) {
            flush();
        }
    }

    @Override
    public void flush() {
        if (batch.length() == 0) {
            return;
        }
        PrintStream out = target.get();
        out.print(batch);
        out.flush();
        batch.setLength(0);
    }
}
