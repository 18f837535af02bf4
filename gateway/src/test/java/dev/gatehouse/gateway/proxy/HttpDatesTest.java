package dev.gatehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.httpproxy.impl.ParseUtils;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The remembered Date normalization gives what the proxy library computes for every answer. */
class HttpDatesTest {

    @Test
    void sameDateAsTheLibraryForEachFormatAndForRepeats() {
        for (String date : new String[] {"Sun, 06 Nov 1994 08:49:37 GMT", "Sun Nov 6 08:49:37 1994",
                "Sun, 06 Nov 1994 08:49:37 GMT", "Mon, 23 Nov 2026 13:00:00 GMT", "Mon, 23 Nov 2026 13:00:00 GMT"}) {
            MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Date", date);

            assertThat(HttpDates.normalized(headers))
                    .isEqualTo(ParseUtils.formatHttpDate(ParseUtils.parseHeaderDate(date)));
        }
    }

    @Test
    void anUnreadableOrMissingDateBecomesNow() {
        Instant before = Instant.now().minusSeconds(1);
        for (MultiMap headers : new MultiMap[] {MultiMap.caseInsensitiveMultiMap().add("Date", "yesterday"),
                MultiMap.caseInsensitiveMultiMap().add("Date", "Sunday, 06-Nov-94 08:49:37 GMT"),
                MultiMap.caseInsensitiveMultiMap()}) {
            Instant sent = ParseUtils.parseHeaderDate(HttpDates.normalized(headers));

            assertThat(sent).isBetween(before, Instant.now().plusSeconds(1));
        }
    }

    @Test
    void withoutADateTheFirstDatedWarningCounts() {
        String warning = "110 - \"stale\" \"Sun, 06 Nov 1994 08:49:37 GMT\"";
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Warning", warning);

        assertThat(HttpDates.normalized(headers))
                .isEqualTo(ParseUtils.formatHttpDate(ParseUtils.parseWarningHeaderDate(warning)))
                .isEqualTo("Sun, 6 Nov 1994 08:49:37 GMT");
    }
}
