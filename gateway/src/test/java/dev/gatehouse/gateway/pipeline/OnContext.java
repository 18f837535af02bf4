package dev.gatehouse.gateway.pipeline;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.function.Supplier;

/**
 * Runs a client exchange on one Vert.x context: before vertx-core 5.0.12 a response body read from a thread outside
 * Vert.x could miss its end and hang (eclipse-vertx/vert.x#6038), see {@link dev.gatehouse.gateway.authn.TestBrowser}.
 */
final class OnContext {
    private OnContext() {
    }

    static <T> Future<T> run(Context context, Supplier<Future<T>> exchange) {
        Promise<T> done = Promise.promise();
        context.runOnContext(v -> exchange.get().onComplete(done));
        return done.future();
    }
}
