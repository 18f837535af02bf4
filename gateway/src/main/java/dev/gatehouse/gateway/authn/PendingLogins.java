package dev.gatehouse.gateway.authn;

import java.util.Optional;

import io.vertx.core.Future;

/** Sign-ins in flight. Future-based so a cluster-wide store can replace the in-memory one (the callback may reach another node). */
public interface PendingLogins {

    /** Fails when the store is full. */
    Future<Void> put(PendingLogin login);

    /** Removes and returns the unexpired sign-in with this state: a second take of the same state finds nothing. */
    Future<Optional<PendingLogin>> take(String state);

    Future<Integer> evictExpired();
}
