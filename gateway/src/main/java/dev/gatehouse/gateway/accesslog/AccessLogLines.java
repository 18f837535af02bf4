package dev.gatehouse.gateway.accesslog;

/**
 * The line format: one JSON object per request, null fields left out (log pipelines parse it as is). Written by
 * hand into one builder: the access log writes a line per request, and building a {@code JsonObject} to encode it
 * cost several times more. The output is what Vert.x's JSON encoder writes for the same fields.
 */
public final class AccessLogLines {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private AccessLogLines() {
    }

    public static String json(AccessLogEntry entry) {
        StringBuilder line = new StringBuilder(320).append('{');
        IsoInstants.append(name(line, "time").append('"'), entry.time()).append('"');
        string(line, "request_id", entry.requestId());
        string(line, "tenant", entry.tenant());
        string(line, "route", entry.route());
        string(line, "user", entry.user());
        string(line, "decision", entry.decision());
        string(line, "method", entry.method());
        string(line, "path", entry.path());
        name(line, "status").append(entry.status());
        milliseconds(name(line, "duration_ms"), entry.durationNanos() / 1000);
        name(line, "bytes_in").append(entry.bytesIn());
        name(line, "bytes_out").append(entry.bytesOut());
        string(line, "peer", entry.peer());
        string(line, "client", entry.client());
        string(line, "detail", entry.detail());
        return line.append('}').toString();
    }

    private static void string(StringBuilder line, String name, String value) {
        if (value != null) {
            escaped(name(line, name).append('"'), value).append('"');
        }
    }

    private static StringBuilder name(StringBuilder line, String name) {
        if (line.length() > 1) {
            line.append(',');
        }
        return line.append('"').append(name).append("\":");
    }

    /** Microseconds as milliseconds with three decimals ({@code 12.345}), as {@code BigDecimal.valueOf(µs, 3)}. */
    private static void milliseconds(StringBuilder line, long micros) {
        long fraction = micros % 1000;
        line.append(micros / 1000).append('.');
        if (fraction < 100) {
            line.append(fraction < 10 ? "00" : "0");
        }
        line.append(fraction);
    }

    /** JSON string escaping as Jackson does it: quote, backslash, short escapes, {@code \\u00XX} for the rest. */
    private static StringBuilder escaped(StringBuilder line, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\b' -> line.append("\\b");
                case '\t' -> line.append("\\t");
                case '\f' -> line.append("\\f");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> {
                    if (c < 0x20) {
                        line.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        return line;
    }
}
