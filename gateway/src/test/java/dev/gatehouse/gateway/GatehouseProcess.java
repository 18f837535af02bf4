package dev.gatehouse.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/** {@code java -jar gatehouse.jar} as a real child process, its stdout collected line by line. */
final class GatehouseProcess implements AutoCloseable {
    /** How a log record starts on standard error (simplelogger.properties); its stack trace lines follow it. */
    private static final Pattern LOG_RECORD = Pattern.compile("\\d{2}:\\d{2}:\\d{2}\\.\\d{3} \\[");

    private final Process process;
    private final Path stderr;
    private final List<String> stdout = new ArrayList<>();
    private final CompletableFuture<String> readyLine = new CompletableFuture<>();
    private final Thread reader;

    private GatehouseProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.reader = new Thread(this::readStdout, "gatehouse-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    static GatehouseProcess start(Map<String, String> env, Path logs, String... args) throws IOException {
        String jar = System.getProperty("gatehouse.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("system property gatehouse.jar must name the built jar, is " + jar);
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
        command.addAll(List.of(args));
        Path stderr = Files.createTempFile(logs, "gatehouse-stderr", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("GATEHOUSE_"));
        builder.environment().putAll(env);
        return new GatehouseProcess(builder.start(), stderr);
    }

    private void readStdout() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (stdout) {
                    stdout.add(line);
                }
                if (line.startsWith("gatehouse ready ")) {
                    readyLine.complete(line);
                }
            }
        } catch (IOException e) {
            readyLine.completeExceptionally(e);
        }
        readyLine.completeExceptionally(new IllegalStateException("stdout ended before the ready line"));
    }

    /** Waits for the ready line; fails with everything the process printed so far. */
    String awaitReady(Duration timeout) throws Exception {
        try {
            return readyLine.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            throw new AssertionError("no ready line within " + timeout + " (" + e + ")\n" + output(), e);
        }
    }

    /** Sends SIGTERM and waits for the exit code. */
    int terminate(Duration timeout) throws Exception {
        process.destroy();
        return awaitExit(timeout);
    }

    int awaitExit(Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("gatehouse did not exit within " + timeout + "\n" + output());
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return process.exitValue();
    }

    List<String> stdout() {
        synchronized (stdout) {
            return List.copyOf(stdout);
        }
    }

    String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    /**
     * Standard error without Vert.x's blocked-thread warnings: on a loaded machine an event loop can be held up long
     * enough for one at any time, and it carries a stack trace that is no error of the process.
     */
    String stderrWithoutBlockedThreadWarnings() throws IOException {
        StringBuilder kept = new StringBuilder();
        boolean inWarning = false;
        for (String line : stderr().split("\n", -1)) {
            if (LOG_RECORD.matcher(line).lookingAt() || line.startsWith("gatehouse: ")) {
                inWarning = line.contains("[WARN] BlockedThreadChecker ");
            }
            if (!inWarning) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }

    String output() throws IOException {
        return "--- stdout\n" + String.join("\n", stdout()) + "\n--- stderr\n" + stderr();
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
