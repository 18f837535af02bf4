package dev.gatehouse.gateway;

import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into a stop request instead of the JVM's default exit (status 143/130), so the main
 * thread can stop Gatehouse in order and exit 0.
 */
final class Signals {
    private final CountDownLatch stopRequested = new CountDownLatch(1);

    static Signals install() {
        Signals signals = new Signals();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> signals.stopRequested.countDown());
            } catch (IllegalArgumentException e) {
                // The JVM keeps the signal (e.g. under -Xrs); its default exit still runs the shutdown hook.
                LoggerFactory.getLogger(Signals.class).warn("cannot handle SIG{}: {}", name, e.getMessage());
            }
        }
        return signals;
    }

    boolean stopRequested() {
        return stopRequested.getCount() == 0;
    }

    void awaitStopRequest() throws InterruptedException {
        stopRequested.await();
    }
}
