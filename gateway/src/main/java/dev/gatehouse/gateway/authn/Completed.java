package dev.gatehouse.gateway.authn;

import io.vertx.core.Future;
import java.util.function.Function;

/**
 * {@link Future#compose} without the chain when the future has already succeeded: the next step runs straight
 * away instead of through a listener and a new promise. On the request path most futures are complete when made
 * (a session found in memory, one that needs no refresh), so this saves several objects per request.
 */
final class Completed {
    private Completed() {
    }

    /** As {@code future.compose(next)}, calling {@code next} directly if {@code future} succeeded already. */
    static <T, U> Future<U> then(Future<T> future, Function<? super T, Future<U>> next) {
        if (!future.succeeded()) {
            return future.compose(next);
        }
        try {
            return next.apply(future.result());
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }
}
