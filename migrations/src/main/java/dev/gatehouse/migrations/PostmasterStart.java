package dev.gatehouse.migrations;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the postmaster through the embedded library, again on another port when the one picked was taken before
 * PostgreSQL could bind it (a free port is only free until someone binds it).
 *
 * <p>The library waits for the server to accept connections and does not notice that the postmaster exited; the
 * log says so (pg_ctl reports it), and interrupting the library's wait makes it return at once instead of after its
 * full start-up wait. Only a port taken is retried: any other reason the postmaster gave is an error.
 */
final class PostmasterStart {

    static final int MAX_ATTEMPTS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(PostmasterStart.class);
    private static final long LOG_CHECK_MILLIS = 100;

    private final IntFunction<EmbeddedPostgres.Builder> serverOnPort;
    private final PostmasterLog log;
    private final PortChooser ports;

    PostmasterStart(IntFunction<EmbeddedPostgres.Builder> serverOnPort, PostmasterLog log, PortChooser ports) {
        this.serverOnPort = serverOnPort;
        this.log = log;
        this.ports = ports;
    }

    EmbeddedPostgres start() throws IOException {
        List<Integer> taken = new ArrayList<>();
        while (true) {
            int port = ports.next();
            long logStart = log.end();
            Optional<EmbeddedPostgres> server = attempt(port, logStart);
            if (server.isPresent()) {
                return server.get();
            }
            String output = log.since(logStart);
            if (!PostmasterLog.portTaken(output)) {
                throw new IOException("PostgreSQL exited during start-up: " + PostmasterLog.fatalLines(output)
                        + " (server log: " + log.file() + ")");
            }
            taken.add(port);
            if (taken.size() == MAX_ATTEMPTS) {
                throw new IOException("the port picked for PostgreSQL was taken before it could bind it, "
                        + MAX_ATTEMPTS + " times in a row (ports " + taken + ")");
            }
            LOG.warn("Port {} was taken before PostgreSQL could bind it; starting it again on another port"
                    + " (attempt {} of {})", port, taken.size() + 1, MAX_ATTEMPTS);
        }
    }

    /** The running server, or empty when pg_ctl reported that the postmaster exited (the log tells why). */
    private Optional<EmbeddedPostgres> attempt(int port, long logStart) throws IOException {
        FutureTask<EmbeddedPostgres> start = new FutureTask<>(() -> serverOnPort.apply(port).start());
        Thread starter = new Thread(start, "gatehouse-postgres-start");
        starter.setDaemon(true);
        starter.start();
        try {
            while (true) {
                try {
                    return Optional.of(start.get(LOG_CHECK_MILLIS, TimeUnit.MILLISECONDS));
                } catch (TimeoutException stillStarting) {
                    if (PostmasterLog.startFailed(log.since(logStart))) {
                        // The library's wait returns normally when interrupted; the server is then closed, which
                        // releases the data directory's lock for the next attempt.
                        starter.interrupt();
                        closeWhenReturned(start);
                        return Optional.empty();
                    }
                }
            }
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        } catch (InterruptedException e) {
            starter.interrupt();
            closeWhenReturned(start);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting PostgreSQL", e);
        }
    }

    private static void closeWhenReturned(FutureTask<EmbeddedPostgres> start) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    closeQuietly(start.get());
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    LOG.warn("The abandoned PostgreSQL start failed: {}", e.getCause().toString());
                    return;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void closeQuietly(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot stop the embedded PostgreSQL after a failed start", e);
        }
    }

    private static IOException rethrown(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException(cause);
    }
}
