package dev.gatehouse.gateway.google;

import java.util.concurrent.CompletableFuture;

import io.vertx.core.Future;

/** A {@link LocalTokenStore} that lets a test wait for the next put (a background refresh landing). */
final class RecordingTokenStore implements TokenStore {

    private final LocalTokenStore store = new LocalTokenStore();
    private volatile CompletableFuture<IdToken> nextPut = new CompletableFuture<>();

    @Override
    public Future<IdToken> get(TokenKey key) {
        return store.get(key);
    }

    @Override
    public Future<Void> put(TokenKey key, IdToken token) {
        return store.put(key, token).onSuccess(v -> {
            CompletableFuture<IdToken> waiting = nextPut;
            nextPut = new CompletableFuture<>();
            waiting.complete(token);
        });
    }

    /** Completes with the token of the next put. */
    CompletableFuture<IdToken> nextPut() {
        return nextPut;
    }
}
