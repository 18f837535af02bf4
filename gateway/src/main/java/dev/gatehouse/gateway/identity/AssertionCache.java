package dev.gatehouse.gateway.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reuses a signed assertion per (session, route hostname, signing key, identity) until {@code renewBefore} its
 * expiry, so most requests cost a map lookup instead of a signature. A new active key (rotation) or a changed
 * identity misses the cache by construction. Lock-free reads; at {@code maxEntries} it first drops entries that are
 * due for renewal, then arbitrary ones, so memory stays bounded without an LRU's bookkeeping on every hit.
 */
public final class AssertionCache {
    /** @param maxEntries at least 1; @param renewBefore shorter than the signer's lifetime */
    public record Options(int maxEntries, Duration renewBefore) {
        public static final Options DEFAULTS = new Options(100_000, Duration.ofMinutes(1));

        public Options {
            if (maxEntries < 1) {
                throw new IllegalArgumentException("maxEntries must be at least 1");
            }
            Objects.requireNonNull(renewBefore, "renewBefore");
            if (renewBefore.isNegative()) {
                throw new IllegalArgumentException("renewBefore must not be negative");
            }
        }
    }

    private record Key(String sessionId, String hostname, String kid, AssertedIdentity identity) {}

    private final IdentityAssertionSigner signer;
    private final Clock clock;
    private final Options options;
    private final ConcurrentHashMap<Key, SignedAssertion> entries = new ConcurrentHashMap<>();

    public AssertionCache(IdentityAssertionSigner signer, Clock clock, Options options) {
        this.signer = Objects.requireNonNull(signer, "signer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.options = Objects.requireNonNull(options, "options");
        if (options.renewBefore().compareTo(signer.lifetime()) >= 0) {
            throw new IllegalArgumentException("renewBefore (" + options.renewBefore()
                    + ") must be shorter than the assertion lifetime (" + signer.lifetime() + ")");
        }
    }

    /** The cached assertion for this session on this route's hostname, or a freshly signed one. */
    public SignedAssertion assertion(String sessionId, String hostname, TenantKeyRing ring, AssertedIdentity identity) {
        Key key = key(sessionId, hostname, ring, identity);
        Instant now = clock.instant();
        SignedAssertion cached = entries.get(key);
        if (cached != null && fresh(cached, now)) {
            return cached;
        }
        SignedAssertion signed = signer.sign(ring, key.hostname(), identity);
        if (cached == null && entries.size() >= options.maxEntries()) {
            makeRoom(now);
        }
        entries.put(key, signed);
        return signed;
    }

    /** The cached assertion if it is still fresh, else null; never signs. */
    public SignedAssertion cached(String sessionId, String hostname, TenantKeyRing ring, AssertedIdentity identity) {
        SignedAssertion cached = entries.get(key(sessionId, hostname, ring, identity));
        return cached != null && fresh(cached, clock.instant()) ? cached : null;
    }

    private static Key key(String sessionId, String hostname, TenantKeyRing ring, AssertedIdentity identity) {
        Objects.requireNonNull(sessionId, "sessionId");
        return new Key(sessionId, IdentityAssertionSigner.bareHostname(hostname), ring.activeKid(), identity);
    }

    public int size() {
        return entries.size();
    }

    private boolean fresh(SignedAssertion assertion, Instant now) {
        return now.isBefore(assertion.expiresAt().minus(options.renewBefore()));
    }

    private void makeRoom(Instant now) {
        entries.values().removeIf(assertion -> !fresh(assertion, now));
        int target = options.maxEntries() - Math.max(1, options.maxEntries() / 10);
        Iterator<Map.Entry<Key, SignedAssertion>> it = entries.entrySet().iterator();
        while (entries.size() > target && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
