package dev.gatehouse.gateway.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ConsoleAccessLogSinkTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Map<String, String> SHIPPED = Map.of(
            "org.slf4j.simpleLogger.logFile", "System.err",
            "org.slf4j.simpleLogger.showDateTime", "true",
            "org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS",
            "org.slf4j.simpleLogger.showThreadName", "false",
            "org.slf4j.simpleLogger.showShortLogName", "true",
            "org.slf4j.simpleLogger.levelInBrackets", "true");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);

    @Test
    void writesTheBytesSlf4jSimpleWritesForTheAccessLogger() throws Exception {
        AccessLogEntry entry = entry("byte-for-byte", "/caf\u00e9 \"quoted\"");
        String json = AccessLogLines.json(entry);
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            LoggerFactory.getLogger("gatehouse.access").info(json);
        } finally {
            System.setErr(original);
        }
        String slf4jLine = captured.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains("byte-for-byte")).findFirst().orElseThrow() + System.lineSeparator();
        // The same wall-clock reading as slf4j-simple's line: its time of day, parsed back in the default zone.
        String timeOfDay = slf4jLine.substring(0, "HH:mm:ss.SSS".length());
        Instant then = new SimpleDateFormat("HH:mm:ss.SSS").parse(timeOfDay).toInstant();

        SimpleLoggerLayout layout = SimpleLoggerLayout.forAccessLogger().orElseThrow();
        AccessLogSink sink = new ConsoleAccessLogSink(layout, () -> stream, Clock.fixed(then, ZoneOffset.UTC));
        sink.write(entry);
        sink.flush();

        assertThat(out.toByteArray()).isEqualTo(slf4jLine.getBytes(StandardCharsets.UTF_8));
        assertThat(ConsoleAccessLogSink.forAccessLogger(Clock.systemUTC())).isInstanceOf(ConsoleAccessLogSink.class);
    }

    @Test
    void holdsLinesUntilFlushedThenWritesThemInOrderInOneGo() {
        AccessLogSink sink = sink(SHIPPED::get);
        sink.write(entry("first", "/a"));
        sink.write(entry("second", "/b"));
        assertThat(out.size()).isZero();

        sink.flush();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        String time = new SimpleDateFormat("HH:mm:ss.SSS").format(java.util.Date.from(NOW));
        assertThat(lines).containsExactly(
                time + " [INFO] access - " + AccessLogLines.json(entry("first", "/a")),
                time + " [INFO] access - " + AccessLogLines.json(entry("second", "/b")));

        sink.flush();
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(2);
    }

    @Test
    void aFullBatchGoesOutWithoutWaitingForTheFlush() {
        AccessLogSink sink = sink(SHIPPED::get);
        List<String> ids = new ArrayList<>();
        int written = 0;
        for (int i = 0; out.size() == 0; i++) {
            ids.add("burst-" + i);
            sink.write(entry("burst-" + i, "/p"));
            written += AccessLogLines.json(entry("burst-" + i, "/p")).length();
            assertThat(written).as("flushed by the batch size").isLessThan(2 * ConsoleAccessLogSink.BATCH_CHARS);
        }
        sink.write(entry("after", "/p"));
        sink.flush();

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        ids.add("after");
        assertThat(lines).hasSize(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            assertThat(lines.get(i)).contains("\"request_id\":\"" + ids.get(i) + "\"");
        }
    }

    @Test
    void followsSlf4jSimplesDefaultsAndNamedSettings() {
        Map<String, String> defaults = Map.of();
        AccessLogSink withDefaults = sink(defaults::get);
        withDefaults.write(entry("defaults", "/d"));
        withDefaults.flush();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("[" + Thread.currentThread().getName()
                + "] INFO gatehouse.access - " + AccessLogLines.json(entry("defaults", "/d")) + System.lineSeparator());

        out.reset();
        Map<String, String> named = Map.of("org.slf4j.simpleLogger.showThreadName", "false",
                "org.slf4j.simpleLogger.showLogName", "false", "org.slf4j.simpleLogger.logFile", "System.out");
        AccessLogSink bare = sink(named::get);
        bare.write(entry("named", "/n"));
        bare.flush();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("INFO " + AccessLogLines.json(entry("named", "/n")) + System.lineSeparator());
    }

    @Test
    void settingsItCannotReproduceLeaveTheLinesToSlf4j() {
        Map<String, String> toFile = Map.of("org.slf4j.simpleLogger.logFile", "/var/log/gatehouse.log");
        Map<String, String> elapsed = Map.of("org.slf4j.simpleLogger.showDateTime", "true");
        Map<String, String> badPattern = Map.of("org.slf4j.simpleLogger.showDateTime", "true",
                "org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS qqq");

        assertThat(SimpleLoggerLayout.of(toFile::get)).isEmpty();
        assertThat(SimpleLoggerLayout.of(elapsed::get)).isEmpty();
        assertThat(SimpleLoggerLayout.of(badPattern::get)).isEmpty();
        assertThat(SimpleLoggerLayout.of(SHIPPED::get)).isPresent();
    }

    private AccessLogSink sink(UnaryOperator<String> settings) {
        return new ConsoleAccessLogSink(SimpleLoggerLayout.of(settings).orElseThrow(), () -> stream,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static AccessLogEntry entry(String requestId, String path) {
        return new AccessLogEntry(NOW, requestId, "acme", "main", "ada@acme.example", "allow", "GET", path,
                "127.0.0.1", 200, 1_234_567, 0, 30, null);
    }
}
