package dev.gatehouse.bench.jmh;

import dev.gatehouse.gateway.session.InMemorySessionStore;
import dev.gatehouse.gateway.session.Session;
import dev.gatehouse.gateway.session.SessionLifetimes;
import dev.gatehouse.gateway.session.SessionTokens;
import dev.gatehouse.gateway.session.SessionUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link InMemorySessionStore#get} for a live session of the right tenant, among {@code sessions} stored sessions
 * (ids as the gateway makes them), cycling over {@value #LOOKUPS} random ones. The clock is the system clock, so the
 * store does its expiry checks and its occasional last-seen write as in the gateway.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SessionLookupBenchmark {
    private static final int LOOKUPS = 4096;

    @Param({"1000", "100000"})
    public int sessions;

    private InMemorySessionStore store;
    private final String[] ids = new String[LOOKUPS];
    private final UUID[] tenants = new UUID[LOOKUPS];
    private int next;

    @Setup(Level.Trial)
    public void fill() {
        Clock clock = Clock.systemUTC();
        store = new InMemorySessionStore(clock, SessionLifetimes.DEFAULT);
        Instant now = clock.instant();
        String[] allIds = new String[sessions];
        UUID[] allTenants = new UUID[sessions];
        for (int i = 0; i < sessions; i++) {
            UUID tenant = UUID.nameUUIDFromBytes(("tenant-" + (i % 1000)).getBytes());
            SessionUser user = new SessionUser("user-" + i, "user-" + i + "@bench.example",
                    List.of("staff", "engineering"), Map.of("department", "r-and-d"));
            Session session = new Session(Session.newId(), Session.newId(), null, tenant, "main", user,
                    SessionTokens.NONE, now, now, now.plus(Duration.ofHours(8)));
            store.put(session);
            allIds[i] = session.id();
            allTenants[i] = tenant;
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < LOOKUPS; i++) {
            int pick = random.nextInt(sessions);
            ids[i] = allIds[pick];
            tenants[i] = allTenants[pick];
            if (store.get(tenants[i], ids[i]).result().isEmpty()) {
                throw new IllegalStateException("a stored session was not found");
            }
        }
    }

    @Benchmark
    public Optional<Session> liveSession() {
        next = (next + 1) & (LOOKUPS - 1);
        return store.get(tenants[next], ids[next]).result();
    }
}
