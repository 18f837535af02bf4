package dev.gatehouse.gateway.google;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

import dev.gatehouse.core.cloudrun.SigningIdentity;

/**
 * The gateway's {@link IdTokenSource}: google-auth-library on a small dedicated worker pool, behind the cache.
 * Close it to release the pool.
 */
public final class GoogleIdTokens implements IdTokenSource, AutoCloseable {

    static final String POOL_NAME = "gatehouse-google-id-tokens";

    private final WorkerExecutor workers;
    private final IdTokenMinter minter;
    private final IdTokenSource source;

    private GoogleIdTokens(WorkerExecutor workers, IdTokenMinter minter, IdTokenSource source) {
        this.workers = workers;
        this.minter = minter;
        this.source = source;
    }

    /**
     * {@code store}: {@link LocalTokenStore} on a single node; {@code poolSize}: threads that may wait on Google at
     * once (mints are rare, 2–4 is plenty).
     */
    public record Options(GoogleCredentialsOptions credentials, IdTokenCacheOptions cache, TokenStore store,
            Clock clock, int poolSize) {

        public Options {
            Objects.requireNonNull(credentials, "credentials");
            Objects.requireNonNull(cache, "cache");
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(clock, "clock");
            if (poolSize < 1) {
                throw new IllegalArgumentException("poolSize must be at least 1");
            }
        }

        public static Options defaults(GoogleCredentialsOptions credentials, Clock clock) {
            return new Options(credentials, IdTokenCacheOptions.DEFAULTS, new LocalTokenStore(), clock, 2);
        }
    }

    public static GoogleIdTokens create(Vertx vertx, Options options) {
        return create(vertx, new GoogleAuthMinter(options.credentials()), options);
    }

    /** With another minter (tests count or fail mints without Google). */
    public static GoogleIdTokens create(Vertx vertx, IdTokenMinter minter, Options options) {
        WorkerExecutor workers = vertx.createSharedWorkerExecutor(POOL_NAME, options.poolSize());
        IdTokenSource cached = new CachingIdTokenSource(
                new BlockingIdTokenSource(minter, workers), options.store(), options.cache(), options.clock());
        return new GoogleIdTokens(workers, minter, cached);
    }

    @Override
    public Future<IdToken> idToken(SigningIdentity identity, String audience) {
        return source.idToken(identity, audience);
    }

    /**
     * The email of the service account the gateway runs as (for the {@code gcloud} commands of
     * {@link CloudRunRefusals}); empty when the credentials do not say; failed when there are none.
     */
    public Future<Optional<String>> gatewayServiceAccount() {
        return workers.executeBlocking(minter::gatewayAccount, false);
    }

    @Override
    public void close() {
        workers.close();
    }
}
