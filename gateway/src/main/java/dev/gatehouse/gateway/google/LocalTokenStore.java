package dev.gatehouse.gateway.google;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.Future;

/** A node-local {@link TokenStore}: one entry per (identity, audience) the configuration uses. */
public final class LocalTokenStore implements TokenStore {

    private final Map<TokenKey, IdToken> tokens = new ConcurrentHashMap<>();

    @Override
    public Future<IdToken> get(TokenKey key) {
        return Future.succeededFuture(tokens.get(key));
    }

    @Override
    public Future<Void> put(TokenKey key, IdToken token) {
        tokens.put(key, token);
        return Future.succeededFuture();
    }
}
