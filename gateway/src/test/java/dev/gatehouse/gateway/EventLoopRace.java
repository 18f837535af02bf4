package dev.gatehouse.gateway;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Runs the same kind of work on several event loops at once, the way the gateway's listeners share its parts:
 * each piece of work runs on an event-loop thread of its own, and all start together (a barrier), so shared state
 * is used from several threads at the same time.
 */
public final class EventLoopRace {
    private EventLoopRace() {
    }

    /** What {@code work.apply(i)} returned for each i from 0 to {@code loops - 1}, in that order (nulls allowed). */
    public static <T> List<T> run(int loops, IntFunction<T> work) throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        try {
            CyclicBarrier start = new CyclicBarrier(loops);
            AtomicInteger next = new AtomicInteger();
            AtomicReferenceArray<T> results = new AtomicReferenceArray<>(loops);
            Set<String> threads = ConcurrentHashMap.newKeySet();
            vertx.deployVerticle(() -> new VerticleBase() {
                @Override
                public Future<?> start() throws Exception {
                    int index = next.getAndIncrement();
                    threads.add(Thread.currentThread().getName());
                    start.await(30, TimeUnit.SECONDS);
                    results.set(index, work.apply(index));
                    return Future.succeededFuture();
                }
            }, new DeploymentOptions().setInstances(loops)).toCompletionStage().toCompletableFuture()
                    .get(60, TimeUnit.SECONDS);
            if (new HashSet<>(threads).size() != loops) {
                throw new AssertionError("the work ran on " + threads + ", not on " + loops + " event loops");
            }
            return IntStream.range(0, loops).mapToObj(results::get).toList();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }
}
