package dev.gatehouse.gateway.pages;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Short random request ids (16 characters of lowercase base32, 80 bits): quoted on the gateway's pages, in the
 * access log and to the upstream as {@code X-Request-Id}. They only correlate log lines and are not secrets, so a
 * lock-free thread-local generator is enough on the hot path.
 */
public final class RequestIds {
    static final int LENGTH = 16;
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private RequestIds() {
    }

    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long bits = random.nextLong();
        int more = random.nextInt();
        char[] id = new char[LENGTH];
        for (int i = 0; i < 12; i++) {
            id[i] = ALPHABET[(int) (bits & 31)];
            bits >>>= 5;
        }
        for (int i = 12; i < LENGTH; i++) {
            id[i] = ALPHABET[more & 31];
            more >>>= 5;
        }
        return new String(id);
    }

    /** True for the shape {@link #next()} produces. */
    public static boolean isWellFormed(String id) {
        if (id == null || id.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '2' && c <= '7')) {
                return false;
            }
        }
        return true;
    }
}
