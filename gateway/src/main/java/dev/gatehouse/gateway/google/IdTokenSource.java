package dev.gatehouse.gateway.google;

import io.vertx.core.Future;

import dev.gatehouse.core.cloudrun.SigningIdentity;

/**
 * Google ID tokens for Cloud Run upstreams. Safe to call from an event loop: the returned future never blocks it,
 * completes on the caller's context, and fails with {@link IdTokenUnavailableException} (which explains why) when no
 * token can be had.
 */
public interface IdTokenSource {

    Future<IdToken> idToken(SigningIdentity identity, String audience);
}
