package dev.gatehouse.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The queue with loads the test completes by hand (everything on the test thread, as on a context). */
class ReloadQueueTest {
    private final List<String> started = new ArrayList<>();
    private final Deque<Promise<Void>> running = new ArrayDeque<>();
    private final Map<String, Long> versions = new HashMap<>();
    private final ReloadQueue queue = new ReloadQueue(new ReloadQueue.Loader() {
        @Override
        public Future<Void> loadTenant(String slug) {
            return start("tenant " + slug);
        }

        @Override
        public Future<Void> loadAll() {
            return start("all");
        }

        @Override
        public long versionOf(String slug) {
            return versions.getOrDefault(slug, -1L);
        }
    });

    private Future<Void> start(String load) {
        assertThat(running).as("only one load at a time").isEmpty();
        started.add(load);
        Promise<Void> promise = Promise.promise();
        running.add(promise);
        return promise.future();
    }

    private void finishRunningLoad() {
        running.remove().complete();
    }

    @Test
    void aBurstForOneTenantBecomesOneLoadAfterTheRunningOne() {
        Future<Void> first = queue.tenant("acme", 1);
        List<Future<Void>> burst = new ArrayList<>();
        for (long v = 2; v <= 20; v++) {
            burst.add(queue.tenant("acme", v));
        }
        Future<Void> beta = queue.tenant("beta", 1);
        assertThat(started).containsExactly("tenant acme");

        finishRunningLoad();
        assertThat(first.succeeded()).isTrue();
        assertThat(burst).noneMatch(Future::isComplete);
        assertThat(started).containsExactly("tenant acme", "tenant acme");

        finishRunningLoad();
        assertThat(burst).allMatch(Future::succeeded);
        assertThat(beta.isComplete()).isFalse();
        finishRunningLoad();
        assertThat(beta.succeeded()).isTrue();
        assertThat(started).containsExactly("tenant acme", "tenant acme", "tenant beta");
        assertThat(running).isEmpty();
    }

    @Test
    void eventsNoNewerThanTheSnapshotLoadNothing() {
        versions.put("acme", 5L);
        assertThat(queue.tenant("acme", 4).succeeded()).isTrue();
        assertThat(queue.tenant("acme", 5).succeeded()).isTrue();
        assertThat(started).isEmpty();

        assertThat(queue.tenant("acme", 6).isComplete()).isFalse();
        assertThat(started).containsExactly("tenant acme");
    }

    @Test
    void aQueuedEventIsCheckedAgainstTheVersionServedWhenItsTurnComes() {
        queue.tenant("beta", 1);
        Future<Void> acme = queue.tenant("acme", 3);
        versions.put("acme", 3L);
        finishRunningLoad();
        assertThat(acme.succeeded()).isTrue();
        assertThat(started).containsExactly("tenant beta");
    }

    @Test
    void aFullLoadAnswersTheTenantRequestsWaitingWhenItStarts() {
        queue.tenant("acme", 1);
        Future<Void> beta = queue.tenant("beta", 1);
        Future<Void> all = queue.all();
        finishRunningLoad();
        assertThat(started).containsExactly("tenant acme", "all");
        assertThat(beta.isComplete()).isFalse();

        Future<Void> afterStart = queue.tenant("gamma", 1);
        finishRunningLoad();
        assertThat(all.succeeded()).isTrue();
        assertThat(beta.succeeded()).isTrue();
        assertThat(afterStart.isComplete()).isFalse();
        assertThat(started).containsExactly("tenant acme", "all", "tenant gamma");
    }

    @Test
    void aResyncAskedForDuringAFullLoadGetsAFullLoadOfItsOwn() {
        Future<Void> first = queue.all();
        Future<Void> second = queue.all();
        Future<Void> third = queue.all();
        assertThat(second).isSameAs(third);
        finishRunningLoad();
        assertThat(first.succeeded()).isTrue();
        assertThat(second.isComplete()).isFalse();
        finishRunningLoad();
        assertThat(second.succeeded()).isTrue();
        assertThat(started).containsExactly("all", "all");
    }

    @Test
    void aFailedLoadFailsItsWaitersAndTheQueueGoesOn() {
        Future<Void> acme = queue.tenant("acme", 1);
        Future<Void> beta = queue.tenant("beta", 1);
        running.remove().fail(new IllegalStateException("database down"));
        assertThat(acme.failed()).isTrue();
        assertThat(acme.cause()).hasMessage("database down");
        assertThat(started).containsExactly("tenant acme", "tenant beta");
        finishRunningLoad();
        assertThat(beta.succeeded()).isTrue();
    }

    @Test
    void loadsThatCompleteAtOnceRunInALoopNotARecursion() {
        Promise<Void> gate = Promise.promise();
        ReloadQueue queue = new ReloadQueue(new ReloadQueue.Loader() {
            @Override
            public Future<Void> loadTenant(String slug) {
                started.add(slug);
                return started.size() == 1 ? gate.future() : Future.succeededFuture();
            }

            @Override
            public Future<Void> loadAll() {
                throw new AssertionError("no full load asked for");
            }

            @Override
            public long versionOf(String slug) {
                return -1;
            }
        });
        queue.tenant("first", 1);
        List<Future<Void>> waiting = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            waiting.add(queue.tenant("t" + i, 1));
        }
        gate.complete();
        assertThat(waiting).allMatch(Future::succeeded);
        assertThat(started).hasSize(50_001);
    }
}
