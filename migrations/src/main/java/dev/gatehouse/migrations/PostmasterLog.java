package dev.gatehouse.migrations;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * The file receiving the output of pg_ctl and of the postmaster it starts (the server's log: its stderr), appended
 * to across starts. A start reads back what it appended to tell a failed start, and why, from a slow one.
 */
final class PostmasterLog {

    /** What pg_ctl -w prints when the postmaster exited before accepting connections. */
    private static final String START_FAILED = "pg_ctl: could not start server";
    /** The postmaster's fatal error when it could bind none of listen_addresses. */
    private static final String NO_SOCKET = "could not create any TCP/IP sockets";
    /** strerror(EADDRINUSE), in the messages' C locale (initdb --locale=C). */
    private static final String ADDRESS_IN_USE = "Address already in use";

    private final Path file;

    PostmasterLog(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** The current end of the log, from which {@link #since(long)} reads what a start appends. */
    long end() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    String since(long offset) {
        if (!Files.exists(file)) {
            return "";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length <= offset) {
                return "";
            }
            byte[] appended = new byte[Math.toIntExact(length - offset)];
            in.seek(offset);
            in.readFully(appended);
            return new String(appended, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Whether pg_ctl reported that the postmaster exited during start-up. */
    static boolean startFailed(String output) {
        return output.contains(START_FAILED);
    }

    /** Whether the postmaster exited because its port was taken (by anything, on 127.0.0.1). */
    static boolean portTaken(String output) {
        return output.contains(NO_SOCKET) && output.contains(ADDRESS_IN_USE);
    }

    /** The postmaster's FATAL lines, the reason it gave for exiting. */
    static String fatalLines(String output) {
        return output.lines()
                .filter(line -> line.contains("FATAL:"))
                .map(String::strip)
                .collect(Collectors.joining("; "));
    }
}
