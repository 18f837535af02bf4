package dev.gatehouse.gateway;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Things to close, closed in the reverse order they were started; one failure does not stop the others. */
final class Teardown {
    private static final Logger LOG = LoggerFactory.getLogger(Teardown.class);

    private final Deque<Part> parts = new ArrayDeque<>();

    @FunctionalInterface
    interface Closer {
        void close() throws Exception;
    }

    private record Part(String name, Closer closer) {
    }

    synchronized void add(String name, Closer closer) {
        parts.push(new Part(name, closer));
    }

    /** @return true when every part closed without error */
    synchronized boolean run() {
        boolean clean = true;
        while (!parts.isEmpty()) {
            Part part = parts.pop();
            try {
                part.closer().close();
                LOG.debug("closed {}", part.name());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.error("interrupted while closing {}", part.name());
                clean = false;
            } catch (Exception e) {
                LOG.error("closing {} failed: {}", part.name(), StartupException.describe(e), e);
                clean = false;
            }
        }
        return clean;
    }
}
