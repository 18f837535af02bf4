package dev.gatehouse.testkit.google;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** What the fake Google servers share: accounts, access tokens, the ID-token signing key, mint counts, IAM denials. */
final class GoogleState {

    static final String ISSUER = "https://accounts.google.com";
    static final Duration ID_TOKEN_LIFETIME = Duration.ofHours(1);
    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(1);

    private final Clock clock;
    private final AtomicInteger keysTaken = new AtomicInteger();
    private final RsaSigningKey googleKey = nextKey();
    private final AtomicLong nextUniqueId = new AtomicLong(100_000_000_000_000_000L);
    private final Map<String, FakeServiceAccount> accounts = new ConcurrentHashMap<>();
    private final Map<String, AccessGrant> accessTokens = new ConcurrentHashMap<>();
    private final Map<Mint, AtomicInteger> mints = new ConcurrentHashMap<>();
    private final Set<Delegation> deniedTokenCreators = ConcurrentHashMap.newKeySet();
    private final List<GenerateIdTokenCall> generateIdTokenCalls = new CopyOnWriteArrayList<>();

    GoogleState(Clock clock) {
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }

    RsaSigningKey googleKey() {
        return googleKey;
    }

    FakeServiceAccount createServiceAccount(String email) {
        FakeServiceAccount account =
                new FakeServiceAccount(email, Long.toString(nextUniqueId.incrementAndGet()), nextKey());
        if (accounts.putIfAbsent(email, account) != null) {
            throw new IllegalArgumentException("service account exists: " + email);
        }
        return account;
    }

    /** A key no other key of this fake Google has (see {@link RsaSigningKey#reusable(int)}). */
    private RsaSigningKey nextKey() {
        return RsaSigningKey.reusable(keysTaken.getAndIncrement());
    }

    Optional<FakeServiceAccount> account(String email) {
        return Optional.ofNullable(accounts.get(email));
    }

    Optional<FakeServiceAccount> accountByUniqueId(String uniqueId) {
        return accounts.values().stream().filter(a -> a.uniqueId().equals(uniqueId)).findFirst();
    }

    /** The standard claims of a Google-signed ID token for the account, as of now. */
    JsonObject idTokenClaims(FakeServiceAccount account, String audience, boolean includeEmail) {
        long now = clock.instant().getEpochSecond();
        JsonObject claims = new JsonObject()
                .put("aud", audience)
                .put("azp", includeEmail ? account.email() : account.uniqueId())
                .put("exp", now + ID_TOKEN_LIFETIME.toSeconds())
                .put("iat", now)
                .put("iss", ISSUER)
                .put("sub", account.uniqueId());
        if (includeEmail) {
            claims.put("email", account.email()).put("email_verified", true);
        }
        return claims;
    }

    /** Signs an ID token and counts it as one mint for (the account, the audience). */
    String mintIdToken(FakeServiceAccount account, String audience, JsonObject claims) {
        mints.computeIfAbsent(new Mint(account.email(), audience), k -> new AtomicInteger()).incrementAndGet();
        return googleKey.sign(claims);
    }

    String sign(JsonObject claims) {
        return googleKey.sign(claims);
    }

    int mints(String email, String audience) {
        AtomicInteger count = mints.get(new Mint(email, audience));
        return count == null ? 0 : count.get();
    }

    int totalMints() {
        return mints.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Every (service account, audience) minted for so far: {@code [{service_account, audience, mints}]}. */
    JsonArray mintCounts() {
        JsonArray counts = new JsonArray();
        mints.forEach((mint, count) -> counts.add(new JsonObject().put("service_account", mint.email())
                .put("audience", mint.audience()).put("mints", count.get())));
        return counts;
    }

    String issueAccessToken(FakeServiceAccount account) {
        String token = "ya29.fake-" + Long.toHexString(nextUniqueId.incrementAndGet()) + "-" + account.uniqueId();
        accessTokens.put(token, new AccessGrant(account.email(), clock.instant().plus(ACCESS_TOKEN_LIFETIME)));
        return token;
    }

    /** The email of the account an unexpired access token was issued to. */
    Optional<String> accessTokenOwner(String token) {
        AccessGrant grant = accessTokens.get(token);
        if (grant == null || !clock.instant().isBefore(grant.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(grant.email());
    }

    void denyTokenCreator(String caller, String serviceAccount) {
        deniedTokenCreators.add(new Delegation(caller, serviceAccount));
    }

    boolean mayCreateTokens(String caller, String serviceAccount) {
        return !deniedTokenCreators.contains(new Delegation(caller, serviceAccount));
    }

    void record(GenerateIdTokenCall call) {
        generateIdTokenCalls.add(call);
    }

    List<GenerateIdTokenCall> generateIdTokenCalls() {
        return List.copyOf(generateIdTokenCalls);
    }

    private record Mint(String email, String audience) {}

    private record Delegation(String caller, String serviceAccount) {}

    private record AccessGrant(String email, Instant expiresAt) {}
}
