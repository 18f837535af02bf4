package dev.gatehouse.gateway.google;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.gatehouse.core.cloudrun.SigningIdentity;

/**
 * Caches ID tokens per (identity, audience) in a {@link TokenStore} in front of a minting source (see
 * {@link IdTokenCacheOptions} for the lifetime rules). Single flight: while a mint for a key is under way every other
 * request for that key waits for it, so any number of concurrent requests cause one mint. A failed mint is
 * remembered, explained, for {@code failureTtl}. Lock-free on the request path; results are delivered on the
 * caller's context.
 */
public final class CachingIdTokenSource implements IdTokenSource {

    private static final Logger LOG = LoggerFactory.getLogger(CachingIdTokenSource.class);

    private final IdTokenSource minting;
    private final TokenStore store;
    private final IdTokenCacheOptions options;
    private final Clock clock;
    private final Map<TokenKey, Future<IdToken>> inFlight = new ConcurrentHashMap<>();
    private final Map<TokenKey, Failure> failures = new ConcurrentHashMap<>();

    public CachingIdTokenSource(IdTokenSource minting, TokenStore store, IdTokenCacheOptions options, Clock clock) {
        this.minting = minting;
        this.store = store;
        this.options = options;
        this.clock = clock;
    }

    @Override
    public Future<IdToken> idToken(SigningIdentity identity, String audience) {
        TokenKey key = new TokenKey(identity, audience);
        Context caller = Vertx.currentContext();
        Future<IdToken> token = store.get(key).compose(cached -> {
            Instant now = clock.instant();
            if (cached != null && usable(cached, now)) {
                if (!fresh(cached, now)) {
                    mintOnce(key).onFailure(e -> { });
                }
                return Future.succeededFuture(cached);
            }
            return mintOnce(key);
        });
        return onContext(token, caller);
    }

    private Future<IdToken> mintOnce(TokenKey key) {
        Failure failure = failures.get(key);
        if (failure != null && clock.instant().isBefore(failure.retryAt())) {
            return Future.failedFuture(failure.error());
        }
        Promise<IdToken> promise = Promise.promise();
        Future<IdToken> running = inFlight.putIfAbsent(key, promise.future());
        if (running != null) {
            return running;
        }
        // Re-read: a mint that finished after this request's first look has already stored its token.
        store.get(key)
                .compose(stored -> stored != null && fresh(stored, clock.instant())
                        ? Future.succeededFuture(stored)
                        : mintAndStore(key))
                .onComplete(result -> {
                    if (result.succeeded()) {
                        failures.remove(key);
                        inFlight.remove(key, promise.future());
                        promise.complete(result.result());
                    } else {
                        IdTokenUnavailableException error = explained(key, result.cause());
                        failures.put(key, new Failure(error, clock.instant().plus(options.failureTtl())));
                        LOG.warn("{}", error.getMessage());
                        inFlight.remove(key, promise.future());
                        promise.fail(error);
                    }
                });
        return promise.future();
    }

    private Future<IdToken> mintAndStore(TokenKey key) {
        return minting.idToken(key.identity(), key.audience())
                .compose(token -> store.put(key, token)
                        .transform(stored -> {
                            if (stored.failed()) {
                                LOG.warn("could not store a Google ID token for {}: {}", key.storageKey(),
                                        stored.cause().toString());
                            }
                            return Future.succeededFuture(token);
                        }));
    }

    private boolean usable(IdToken token, Instant now) {
        return now.isBefore(token.expiresAt().minus(options.refreshMargin()));
    }

    private boolean fresh(IdToken token, Instant now) {
        return now.isBefore(token.expiresAt().minus(options.refreshAhead()));
    }

    private static IdTokenUnavailableException explained(TokenKey key, Throwable cause) {
        if (cause instanceof IdTokenUnavailableException explained) {
            return explained;
        }
        return new IdTokenUnavailableException(key.identity(), key.audience(), Causes.describe(cause), cause);
    }

    /** Completes on the caller's context: a shared mint finishes on whichever context started it. */
    private static <T> Future<T> onContext(Future<T> future, Context caller) {
        if (caller == null || future.isComplete()) {
            return future;
        }
        Promise<T> promise = Promise.promise();
        future.onComplete(result -> {
            if (Vertx.currentContext() == caller) {
                promise.handle(result);
            } else {
                caller.runOnContext(v -> promise.handle(result));
            }
        });
        return promise.future();
    }

    private record Failure(IdTokenUnavailableException error, Instant retryAt) {}
}
