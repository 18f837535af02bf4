package dev.gatehouse.gateway.authn;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A discovery or refresh one event loop started, awaited by a request of another, continues on the latter. */
class CallerContextTest {
    private Vertx vertx;
    private Context first;
    private Context second;

    @BeforeEach
    void twoEventLoops() throws Exception {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        List<Context> contexts = new CopyOnWriteArrayList<>();
        vertx.deployVerticle(() -> new VerticleBase() {
            @Override
            public Future<?> start() {
                contexts.add(context);
                return Future.succeededFuture();
            }
        }, new DeploymentOptions().setInstances(2)).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        first = contexts.get(0);
        second = contexts.get(1);
        assertThat(threadOf(first)).isNotEqualTo(threadOf(second));
    }

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aSharedFutureCompletedByAnotherEventLoopIsDeliveredOnTheCallersOwn() throws Exception {
        Promise<String> shared = on(first, Promise::promise);
        CompletableFuture<Context> deliveredOn = new CompletableFuture<>();
        second.runOnContext(v -> CallerContext.deliver(shared.future())
                .onComplete(result -> deliveredOn.complete(Vertx.currentContext())));

        first.runOnContext(v -> shared.complete("discovered"));

        assertThat(deliveredOn.get(30, TimeUnit.SECONDS)).isSameAs(second);
    }

    @Test
    void aFutureOfAnotherEventLoopThatIsAlreadyDoneIsDeliveredOnTheCallersOwnToo() throws Exception {
        Future<String> done = on(first, () -> first.executeBlocking(() -> "discovered"));
        done.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        CompletableFuture<String> deliveredOn = new CompletableFuture<>();

        second.runOnContext(v -> CallerContext.deliver(done)
                .onComplete(result -> deliveredOn.complete(result.result() + " on " + Thread.currentThread().getName())));

        assertThat(deliveredOn.get(30, TimeUnit.SECONDS)).isEqualTo("discovered on " + threadOf(second));
    }

    private static <T> T on(Context context, Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(v -> result.complete(work.get()));
        return result.get(30, TimeUnit.SECONDS);
    }

    private static String threadOf(Context context) throws Exception {
        return on(context, () -> Thread.currentThread().getName());
    }
}
