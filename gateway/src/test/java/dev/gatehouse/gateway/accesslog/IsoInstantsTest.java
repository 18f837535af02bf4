package dev.gatehouse.gateway.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {

    @Test
    void writesWhatInstantToStringWrites() {
        List<Instant> instants = new ArrayList<>(List.of(
                Instant.EPOCH, Instant.ofEpochSecond(0, 1), Instant.ofEpochSecond(0, 1_000),
                Instant.ofEpochSecond(0, 1_000_000), Instant.ofEpochSecond(0, 999_999_999),
                Instant.ofEpochSecond(0, 120_000), Instant.ofEpochSecond(0, 100_000_000),
                Instant.ofEpochSecond(-1), Instant.ofEpochSecond(-1, 500), Instant.ofEpochSecond(-61, 7),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("-0001-12-31T23:59:59Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.MIN, Instant.MAX, Instant.parse("2026-11-23T18:17:38.960120727Z")));
        SplittableRandom random = new SplittableRandom(5);
        long year9999 = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        long year0 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(year0, year9999 + 1);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(seconds, nanos));
        }
        // Runs within one minute and across minute boundaries, as arrival times come.
        Instant start = Instant.parse("2026-11-23T18:17:58Z");
        for (int i = 0; i < 5_000; i++) {
            instants.add(start.plusNanos(random.nextLong(4_000_000_000L)));
        }

        for (Instant instant : instants) {
            assertThat(IsoInstants.append(new StringBuilder("x"), instant).toString())
                    .as("%s", instant).isEqualTo("x" + instant);
        }
    }
}
