package dev.gatehouse.bench.jmh;

import dev.gatehouse.core.crypto.SecretBox;
import dev.gatehouse.core.store.SigningKey;
import dev.gatehouse.core.store.SigningKeyMaterial;
import dev.gatehouse.gateway.identity.AssertedIdentity;
import dev.gatehouse.gateway.identity.AssertionCache;
import dev.gatehouse.gateway.identity.IdentityAssertionSigner;
import dev.gatehouse.gateway.identity.SignedAssertion;
import dev.gatehouse.gateway.identity.TenantKeyRing;
import dev.gatehouse.gateway.session.Session;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code X-Gatehouse-Jwt-Assertion}: signing one (ES256 with the JDK, what a cache miss costs) and the
 * {@link AssertionCache} hit that most requests of a session get.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AssertionBenchmark {
    private static final String HOSTNAME = "app.bench.localhost";

    private IdentityAssertionSigner signer;
    private AssertionCache cache;
    private TenantKeyRing ring;
    private AssertedIdentity identity;
    private String sessionId;

    @Setup(Level.Trial)
    public void keys() {
        byte[] masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);
        SecretBox secrets = new SecretBox(masterKey);
        UUID tenant = UUID.randomUUID();
        Clock clock = Clock.systemUTC();
        SigningKeyMaterial.Generated generated = SigningKeyMaterial.generate(tenant, secrets);
        SigningKey key = new SigningKey(tenant, generated.kid(), generated.publicJwk(), generated.privateKeySealed(),
                clock.instant(), null);
        ring = TenantKeyRing.of(tenant, List.of(key), secrets);
        signer = new IdentityAssertionSigner(clock);
        cache = new AssertionCache(signer, clock, AssertionCache.Options.DEFAULTS);
        identity = new AssertedIdentity("alice", "alice@bench.example", List.of("staff", "engineering"));
        sessionId = Session.newId();
        SignedAssertion first = cache.assertion(sessionId, HOSTNAME, ring, identity);
        if (cache.assertion(sessionId, HOSTNAME, ring, identity) != first) {
            throw new IllegalStateException("the second lookup did not hit the cache");
        }
    }

    @Benchmark
    public SignedAssertion sign() {
        return signer.sign(ring, HOSTNAME, identity);
    }

    @Benchmark
    public SignedAssertion cacheHit() {
        return cache.assertion(sessionId, HOSTNAME, ring, identity);
    }
}
