package dev.gatehouse.gateway.accesslog;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;

/** The line format: one JSON object per request, null fields left out (log pipelines parse it as is). */
public final class AccessLogLines {
    private AccessLogLines() {
    }

    public static String json(AccessLogEntry entry) {
        JsonObject line = new JsonObject()
                .put("time", entry.time().toString())
                .put("request_id", entry.requestId());
        putIfPresent(line, "tenant", entry.tenant());
        putIfPresent(line, "route", entry.route());
        putIfPresent(line, "user", entry.user());
        putIfPresent(line, "decision", entry.decision());
        line.put("method", entry.method())
                .put("path", entry.path())
                .put("status", entry.status())
                .put("duration_ms", BigDecimal.valueOf(entry.durationNanos() / 1000, 3))
                .put("bytes_in", entry.bytesIn())
                .put("bytes_out", entry.bytesOut());
        putIfPresent(line, "peer", entry.peer());
        putIfPresent(line, "detail", entry.detail());
        return line.encode();
    }

    private static void putIfPresent(JsonObject line, String key, String value) {
        if (value != null) {
            line.put(key, value);
        }
    }
}
