package dev.gatehouse.gateway.authn;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * Delivers a future shared between requests on the context of the request that asks for it. Vert.x runs the
 * callbacks of a future on the context that created it (or on the thread that completes it), so without this a
 * request served by one event loop would continue on another's thread once it waited on a discovery or a refresh
 * another event loop started.
 */
final class CallerContext {
    private CallerContext() {
    }

    static <T> Future<T> deliver(Future<T> shared) {
        Context caller = Vertx.currentContext();
        if (caller == null) {
            return shared;
        }
        Promise<T> promise = Promise.promise();
        shared.onComplete(result -> {
            if (Vertx.currentContext() == caller) {
                promise.handle(result);
            } else {
                caller.runOnContext(v -> promise.handle(result));
            }
        });
        return promise.future();
    }
}
