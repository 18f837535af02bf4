package dev.gatehouse.gateway.accesslog;

/** A monotonic nanosecond source for durations (injectable so tests can control elapsed time). */
@FunctionalInterface
public interface Ticker {

    long nanoTime();

    static Ticker system() {
        return System::nanoTime;
    }
}
