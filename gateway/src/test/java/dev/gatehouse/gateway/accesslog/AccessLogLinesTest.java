package dev.gatehouse.gateway.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written line is exactly what Vert.x's JSON encoder writes for the same fields. */
class AccessLogLinesTest {
    private static final String CHARACTERS = "aZ09 /\"\\\b\t\f\n\r\u0000\u0001\u001f\u007f\u00e9\u2028\ud83d\ude00";

    @Test
    void sameTextAsTheJsonEncoder() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            AccessLogEntry entry = new AccessLogEntry(Instant.ofEpochSecond(1_790_000_000L + random.nextInt(1000),
                    random.nextInt(3) == 0 ? 0 : random.nextInt(1_000_000_000)),
                    text(random), maybe(random), maybe(random), maybe(random), maybe(random), text(random),
                    text(random), maybe(random), 100 + random.nextInt(500), durationNanos(random),
                    random.nextInt(3) == 0 ? 0 : random.nextLong(1L << 40), random.nextLong(1L << 40), maybe(random),
                    maybe(random));

            assertThat(AccessLogLines.json(entry)).isEqualTo(encoded(entry));
        }
    }

    private static long durationNanos(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(1000);
            case 1 -> random.nextInt(100_000);
            case 2 -> random.nextInt(1_000_000_000);
            default -> random.nextLong(1L << 50);
        };
    }

    private static String maybe(Random random) {
        return random.nextInt(4) == 0 ? null : text(random);
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.append(CHARACTERS.charAt(random.nextInt(CHARACTERS.length())));
        }
        return text.toString();
    }

    /** The line as the previous implementation built it. */
    private static String encoded(AccessLogEntry entry) {
        JsonObject line = new JsonObject().put("time", entry.time().toString()).put("request_id", entry.requestId());
        putIfPresent(line, "tenant", entry.tenant());
        putIfPresent(line, "route", entry.route());
        putIfPresent(line, "user", entry.user());
        putIfPresent(line, "decision", entry.decision());
        line.put("method", entry.method()).put("path", entry.path()).put("status", entry.status())
                .put("duration_ms", BigDecimal.valueOf(entry.durationNanos() / 1000, 3))
                .put("bytes_in", entry.bytesIn()).put("bytes_out", entry.bytesOut());
        putIfPresent(line, "peer", entry.peer());
        putIfPresent(line, "client", entry.client());
        putIfPresent(line, "detail", entry.detail());
        return line.encode();
    }

    private static void putIfPresent(JsonObject line, String key, String value) {
        if (value != null) {
            line.put(key, value);
        }
    }
}
