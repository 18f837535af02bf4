package dev.gatehouse.gateway.accesslog;

import java.time.Instant;

/**
 * {@link Instant#toString()} for the access log's arrival times, without a formatter per line: the date, hour and
 * minute are formatted once a minute and kept; seconds and the fraction are appended by hand, the fraction in
 * groups of three digits as {@code DateTimeFormatter.ISO_INSTANT} writes it (none, milli, micro or nano). The text
 * is identical to {@code Instant.toString()}; years outside 0000 to 9999 (never a request's) are left to it.
 */
final class IsoInstants {
    private static final String[] DIGITS = new String[60];
    /** The last minute formatted: its epoch minute and its text up to the seconds, e.g. {@code 2026-11-23T18:17:}. */
    private static volatile Minute last = new Minute(Long.MIN_VALUE, "");

    static {
        for (int i = 0; i < DIGITS.length; i++) {
            DIGITS[i] = (i < 10 ? "0" : "") + i;
        }
    }

    private IsoInstants() {
    }

    static StringBuilder append(StringBuilder out, Instant time) {
        long seconds = time.getEpochSecond();
        long epochMinute = Math.floorDiv(seconds, 60);
        Minute minute = last;
        if (minute.epochMinute != epochMinute) {
            String whole = Instant.ofEpochSecond(epochMinute * 60).toString();
            if (whole.length() != "2026-11-23T18:17:00Z".length() || !Character.isDigit(whole.charAt(0))) {
                return out.append(time);
            }
            minute = new Minute(epochMinute, whole.substring(0, whole.length() - 3));
            last = minute;
        }
        out.append(minute.text).append(DIGITS[(int) Math.floorMod(seconds, 60)]);
        int nanos = time.getNano();
        if (nanos != 0) {
            out.append('.');
            if (nanos % 1_000_000 == 0) {
                padded(out, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                padded(out, nanos / 1_000, 6);
            } else {
                padded(out, nanos, 9);
            }
        }
        return out.append('Z');
    }

    private static void padded(StringBuilder out, int value, int width) {
        for (int limit = 10, digits = 1; digits < width; limit *= 10, digits++) {
            if (value < limit) {
                out.append('0');
            }
        }
        out.append(value);
    }

    private record Minute(long epochMinute, String text) {
    }
}
