package dev.gatehouse.gateway.google;

import io.vertx.core.Future;

/**
 * Where minted ID tokens are kept between requests. Asynchronous so that a cluster-wide map can stand in for the
 * node-local one; neither method may block the calling event loop.
 */
public interface TokenStore {

    /** The token last put for the key (possibly expired), or a future of null. */
    Future<IdToken> get(TokenKey key);

    Future<Void> put(TokenKey key, IdToken token);
}
