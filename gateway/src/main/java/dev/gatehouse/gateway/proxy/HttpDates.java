package dev.gatehouse.gateway.proxy;

import io.vertx.core.MultiMap;
import io.vertx.httpproxy.impl.ParseUtils;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The {@code Date} a proxied answer carries, as vertx-http-proxy computes it: the upstream's {@code Date} (else the
 * date of its first dated {@code Warning}, else now) in the library's RFC 1123 form. Parsing and formatting HTTP
 * dates is costly and the upstream's value changes once a second, so the last input and its result are remembered
 * (an immutable pair, replaced whole: threads that race simply compute the same value twice).
 */
final class HttpDates {
    private record Last(String upstream, String normalized) {}

    private record Now(long epochSecond, String formatted) {}

    private static volatile Last last = new Last(null, null);
    private static volatile Now now = new Now(Long.MIN_VALUE, null);

    private HttpDates() {
    }

    static String normalized(MultiMap headers) {
        String upstream = headers.get("date");
        if (upstream == null) {
            return headers.contains("warning") ? ParseUtils.formatHttpDate(fromWarnings(headers)) : now();
        }
        Last seen = last;
        if (upstream.equals(seen.upstream())) {
            return seen.normalized();
        }
        Instant parsed = ParseUtils.parseHeaderDate(upstream);
        String normalized = parsed == null ? now() : ParseUtils.formatHttpDate(parsed);
        last = new Last(upstream, normalized);
        return normalized;
    }

    /** The {@code Warning} values, less those dated otherwise than the answer (RFC 7234 §5.5). */
    static List<String> warnings(MultiMap headers) {
        List<String> warnings = headers.getAll("warning");
        if (warnings.isEmpty()) {
            return warnings;
        }
        warnings = new ArrayList<>(warnings);
        String dateHeader = headers.get("date");
        Instant date = dateHeader != null ? ParseUtils.parseHeaderDate(dateHeader) : null;
        Iterator<String> each = warnings.iterator();
        while (each.hasNext()) {
            Instant warningDate = ParseUtils.parseWarningHeaderDate(each.next());
            if (warningDate != null && date != null && !warningDate.equals(date)) {
                each.remove();
            }
        }
        return warnings;
    }

    private static Instant fromWarnings(MultiMap headers) {
        for (String warning : headers.getAll("warning")) {
            Instant date = ParseUtils.parseWarningHeaderDate(warning);
            if (date != null) {
                return date;
            }
        }
        return Instant.now();
    }

    private static String now() {
        Instant instant = Instant.now();
        Now current = now;
        if (current.epochSecond() == instant.getEpochSecond()) {
            return current.formatted();
        }
        String formatted = ParseUtils.formatHttpDate(instant);
        now = new Now(instant.getEpochSecond(), formatted);
        return formatted;
    }
}
