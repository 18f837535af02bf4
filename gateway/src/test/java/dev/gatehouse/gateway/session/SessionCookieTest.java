package dev.gatehouse.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The session id shape check, a character loop on the hot path, accepts exactly what its regex describes. */
class SessionCookieTest {
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final String ALPHABET = "aZ09_-+/=. %\u00e9";

    @Test
    void realSessionIdsAreWellFormed() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(SessionCookie.wellFormed(Session.newId())).isTrue();
        }
    }

    @Test
    void agreesWithTheRegex() {
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder candidate = new StringBuilder(Session.newId());
            int changes = random.nextInt(3);
            for (int j = 0; j < changes; j++) {
                int at = random.nextInt(candidate.length());
                switch (random.nextInt(3)) {
                    case 0 -> candidate.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    case 1 -> candidate.deleteCharAt(at);
                    default -> candidate.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
            }
            String value = candidate.toString();
            assertThat(SessionCookie.wellFormed(value)).as("\"%s\"", value)
                    .isEqualTo(WELL_FORMED.matcher(value).matches());
        }
    }
}
