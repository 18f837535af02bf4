package dev.gatehouse.migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a PostgreSQL data directory startable after its owner died without stopping it (kill -9, power loss).
 *
 * <p>When the JVM is killed, PostgreSQL keeps running (it is a daemon) and keeps {@code postmaster.pid}; a new
 * server on the same directory then refuses to start. A live Gatehouse holds the embedded library's {@code epg-lock}
 * file lock, so: lock held → the directory is in use, refuse; lock free and the pid file names a live postgres on
 * this directory → an orphan, shut it down; otherwise (dead, or the pid was reused) → delete the stale pid file.
 */
final class StalePostmaster {

    private static final Logger LOG = LoggerFactory.getLogger(StalePostmaster.class);
    private static final String LOCK_FILE = "epg-lock";
    private static final String PID_FILE = "postmaster.pid";
    private static final long SHUTDOWN_WAIT_SECONDS = 30;

    private StalePostmaster() {
    }

    static void clear(Path pgData) {
        requireNotInUse(pgData);
        Path pidFile = pgData.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> holder = readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (holder.isPresent() && servesThisDirectory(holder.get(), pgData)) {
            stopOrphan(holder.get(), pgData);
        } else {
            LOG.warn("Removing stale {} in {} (no PostgreSQL serving this directory holds it)", PID_FILE, pgData);
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove stale " + pidFile, e);
            }
        }
    }

    /**
     * Whether a live process is a postgres on this data directory. A pid file must never be removed from under a
     * running server (two servers on one directory corrupt it), so a process that cannot be inspected counts as one.
     */
    private static boolean servesThisDirectory(ProcessHandle process, Path pgData) {
        ProcessHandle.Info info = process.info();
        Optional<String> command = info.command();
        Optional<String[]> arguments = info.arguments();
        if (command.isEmpty() || arguments.isEmpty()) {
            throw new IllegalStateException("Process " + process.pid() + " named in " + pgData.resolve(PID_FILE)
                    + " cannot be inspected; if it is not a PostgreSQL on this directory, remove that file");
        }
        if (!command.get().endsWith("/postgres")) {
            return false;
        }
        List<String> args = List.of(arguments.get());
        int dataOption = args.indexOf("-D");
        return dataOption >= 0 && dataOption + 1 < args.size() && sameFile(Path.of(args.get(dataOption + 1)), pgData);
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static void requireNotInUse(Path pgData) {
        Path lockFile = pgData.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(pgData);
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw inUse(pgData);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the lock of " + pgData, e);
        }
    }

    private static IllegalStateException inUse(Path pgData) {
        return new IllegalStateException("The embedded database in " + pgData
                + " is in use by another running Gatehouse process; stop it or use another GATEHOUSE_DATA_DIR");
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void stopOrphan(ProcessHandle postmaster, Path pgData) {
        LOG.warn("Stopping orphaned PostgreSQL (pid {}) left running on {} by a Gatehouse that did not shut down",
                postmaster.pid(), pgData);
        // SIGTERM is PostgreSQL's "smart" shutdown; its clients died with the old JVM, so it stops at once.
        postmaster.destroy();
        try {
            postmaster.onExit().get(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Orphaned PostgreSQL (pid " + postmaster.pid() + ") on " + pgData
                    + " did not stop within " + SHUTDOWN_WAIT_SECONDS + " s; stop it manually", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping an orphaned PostgreSQL", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot wait for orphaned PostgreSQL to stop", e);
        }
    }
}
