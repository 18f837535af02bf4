package dev.gatehouse.gateway.authn;

import java.time.Instant;

import io.vertx.core.Future;

/** Remembers single-use token ids until the tokens expire. Future-based for a cluster-wide implementation. */
public interface ReplayGuard {

    /** True the first time {@code id} is presented, false every later time until {@code expiresAt}. */
    Future<Boolean> firstUse(String id, Instant expiresAt);

    Future<Integer> evictExpired();
}
