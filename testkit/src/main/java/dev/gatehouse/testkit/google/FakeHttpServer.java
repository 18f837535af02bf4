package dev.gatehouse.testkit.google;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/** A JDK HTTP server on 127.0.0.1 and a free port, with its own small pool of daemon threads. */
final class FakeHttpServer implements AutoCloseable {

    private static final String WARM_UP_PATH = "/__fake-server-warm-up";

    private final HttpServer server;
    private final ExecutorService executor;

    private FakeHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static FakeHttpServer start(String name, HttpHandler handler) {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, name + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            server.createContext("/", exchange -> {
                try (exchange) {
                    handler.handle(exchange);
                }
            });
            server.createContext(WARM_UP_PATH, exchange -> {
                try (exchange) {
                    exchange.sendResponseHeaders(204, -1);
                }
            });
            server.setExecutor(executor);
            server.start();
            FakeHttpServer started = new FakeHttpServer(server, executor);
            started.warmUp(name);
            return started;
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /**
     * Serves one request of its own (the fake's handler never sees it). The JDK server's first request loads much
     * of it; on a loaded machine that took longer than the 2 s the gateway gives a metadata server to answer.
     */
    private void warmUp(String name) {
        try {
            HttpResponse<Void> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(uri().resolve(WARM_UP_PATH)).timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() != 204) {
                throw new IllegalStateException(name + " answered " + answer.statusCode() + " to its warm-up");
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(name + " does not answer", e);
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while warming up " + name, e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT} */
    URI uri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
