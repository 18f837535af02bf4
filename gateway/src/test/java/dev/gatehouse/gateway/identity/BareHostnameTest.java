package dev.gatehouse.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The assertion audience check, a character loop on the hot path, accepts exactly what its regex describes. */
class BareHostnameTest {
    private static final Pattern HOSTNAME = Pattern.compile("[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?");
    private static final String ALPHABET = "ab09.-_:/A \u00e9";

    @Test
    void agreesWithTheRegexOnRandomAndEdgeCases() {
        Random random = new Random(5);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder candidate = new StringBuilder();
            int length = random.nextInt(8);
            for (int j = 0; j < length; j++) {
                candidate.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            assertAgrees(candidate.toString());
        }
        for (String edge : new String[] {"", "a", "-", ".", "a-", "-a", "a.b", "a..b", "app.acme.test", "x:80",
                "a".repeat(253), "a".repeat(254), "a" + ".".repeat(251) + "a", "a" + ".".repeat(252) + "a"}) {
            assertAgrees(edge);
        }
    }

    private static void assertAgrees(String candidate) {
        assertThat(IdentityAssertionSigner.isBareHostname(candidate)).as("\"%s\"", candidate)
                .isEqualTo(HOSTNAME.matcher(candidate).matches());
    }
}
