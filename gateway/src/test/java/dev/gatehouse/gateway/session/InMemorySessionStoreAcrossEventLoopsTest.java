package dev.gatehouse.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.gateway.EventLoopRace;
import dev.gatehouse.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The gateway serves from several event loops that share one session store. */
class InMemorySessionStoreAcrossEventLoopsTest {
    private static final UUID TENANT = UUID.randomUUID();
    private static final int PER_LOOP = 2_000;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final SessionLifetimes lifetimes = new SessionLifetimes(Duration.ofMinutes(30), Duration.ofHours(8));
    private final InMemorySessionStore store = new InMemorySessionStore(clock, lifetimes);

    /**
     * Each loop signs its own users in, looks up the other loop's sessions while they are being added, signs every
     * tenth of its users out again and drops its other logins' sessions by login: nothing is lost or resurrected.
     */
    @Test
    void signInsLookupsAndSignOutsOnTwoEventLoopsAtOnceLoseNothing() throws Exception {
        List<List<Session>> created = List.of(sessions("a"), sessions("b"));

        EventLoopRace.run(2, loop -> {
            List<Session> mine = created.get(loop);
            List<Session> theirs = created.get(1 - loop);
            for (int i = 0; i < PER_LOOP; i++) {
                store.put(mine.get(i));
                store.get(TENANT, theirs.get(i).id());
                if (i % 10 == 9) {
                    store.remove(mine.get(i - 5).id());
                }
                if (i % 100 == 99) {
                    store.removeLogin(TENANT, mine.get(i - 50).loginId());
                }
            }
            return null;
        });

        int live = 0;
        for (List<Session> sessions : created) {
            for (int i = 0; i < PER_LOOP; i++) {
                boolean signedOut = i % 10 == 4 || i % 100 == 49;
                live += signedOut ? 0 : 1;
                assertThat(store.get(TENANT, sessions.get(i).id()).result().isPresent())
                        .as("session %d of %s", i, sessions.get(i).loginId()).isEqualTo(!signedOut);
            }
        }
        assertThat(live).isEqualTo(2 * (PER_LOOP - PER_LOOP / 10 - PER_LOOP / 100));
        assertThat(store.size()).isEqualTo(live);
    }

    /** Both loops touch the same sessions after the touch step: each ends up seen at the new time, still live. */
    @Test
    void concurrentLookupsOfTheSameSessionsKeepThemAliveOnce() throws Exception {
        List<Session> shared = sessions("s");
        shared.forEach(store::put);
        clock.advance(Duration.ofMinutes(20));
        Instant touchedAt = clock.instant();

        List<Integer> found = EventLoopRace.run(2, loop -> {
            int count = 0;
            for (int round = 0; round < 3; round++) {
                for (Session session : shared) {
                    if (store.get(TENANT, session.id()).result().isPresent()) {
                        count++;
                    }
                }
            }
            return count;
        });

        assertThat(found).containsExactly(3 * PER_LOOP, 3 * PER_LOOP);
        assertThat(store.size()).isEqualTo(PER_LOOP);
        for (Session session : shared) {
            assertThat(store.get(TENANT, session.id()).result())
                    .hasValueSatisfying(live -> assertThat(live.lastSeenAt()).isEqualTo(touchedAt));
        }
        clock.advance(Duration.ofMinutes(29));
        for (Session session : shared) {
            assertThat(store.get(TENANT, session.id()).result())
                    .as("49 minutes after sign-in, 29 after the lookups (idle limit 30)").isPresent();
        }
    }

    private List<Session> sessions(String prefix) {
        Instant now = clock.instant();
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < PER_LOOP; i++) {
            String sub = prefix + "-user-" + i;
            sessions.add(new Session(Session.newId(), prefix + "-login-" + i, null, TENANT, "main",
                    new SessionUser(sub, sub + "@example.com", List.of("staff"), Map.of()), null, now, now,
                    now.plus(lifetimes.absolute())));
        }
        return sessions;
    }
}
