package dev.gatehouse.gateway.google;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Context;

import dev.gatehouse.core.cloudrun.SigningIdentity;

/**
 * A minter without Google: tokens "IDENTITY|AUDIENCE|n" that live an hour from the clock's now. It counts mints,
 * records whether each ran on an event loop, can be held until released, and can be told to fail.
 */
final class CountingMinter implements IdTokenMinter {

    private final Clock clock;
    private final AtomicInteger mints = new AtomicInteger();
    private final List<Boolean> onEventLoop = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile String failure;

    CountingMinter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public IdToken mint(SigningIdentity identity, String audience) throws Exception {
        onEventLoop.add(Context.isOnEventLoopThread());
        if (!gate.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never opened the gate");
        }
        int n = mints.incrementAndGet();
        if (failure != null) {
            throw new java.io.IOException(failure);
        }
        return new IdToken(identity.key() + "|" + audience + "|" + n, clock.instant().plus(Duration.ofHours(1)));
    }

    /** Mints wait until {@link #open()}. */
    void hold() {
        gate = new CountDownLatch(1);
    }

    void open() {
        gate.countDown();
    }

    void failWith(String message) {
        failure = message;
    }

    void succeed() {
        failure = null;
    }

    int mints() {
        return mints.get();
    }

    List<Boolean> onEventLoop() {
        return List.copyOf(onEventLoop);
    }
}
