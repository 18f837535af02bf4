package dev.gatehouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GracefulShutdownTest {
    private Vertx vertx;
    private HttpServer server;
    private final CompletableFuture<HttpServerRequest> arrived = new CompletableFuture<>();
    private final CompletableFuture<Context> context = new CompletableFuture<>();

    @BeforeEach
    void serverThatHoldsEveryRequest() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> {
            context.complete(Vertx.currentContext());
            arrived.complete(request);
        });
        await(server.listen(0, "127.0.0.1"));
    }

    @AfterEach
    void close() throws Exception {
        await(vertx.close());
    }

    @Test
    void anInFlightRequestFinishesWhileNewConnectionsAreRefused() throws Exception {
        CompletableFuture<HttpResponse<String>> response = send();
        HttpServerRequest request = arrived.get(30, TimeUnit.SECONDS);

        Future<Void> shutdown = GracefulShutdown.of(List.of(server), Duration.ofSeconds(30));
        awaitRefused(server.actualPort());
        assertThat(shutdown.isComplete()).as("shutdown waits for the request in flight").isFalse();
        context.get().runOnContext(v -> request.response().end("finished"));

        assertThat(response.get(30, TimeUnit.SECONDS).body()).isEqualTo("finished");
        await(shutdown);
    }

    @Test
    void aRequestOutlastingTheGracePeriodIsCutOff() throws Exception {
        CompletableFuture<HttpResponse<String>> response = send();
        arrived.get(30, TimeUnit.SECONDS);

        await(GracefulShutdown.of(List.of(server), Duration.ofMillis(200)));

        assertThatThrownBy(() -> response.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class);
    }

    private CompletableFuture<HttpResponse<String>> send() {
        // HTTP/1.1: Java 17's client fails streams still in flight when an HTTP/2 GOAWAY arrives.
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/slow")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Connects until the listening socket is gone; a connection accepted meanwhile is idle and closed at once. A
     * connect reset while the socket closes (seen on a busy machine) counts as refused too.
     */
    private static void awaitRefused(int port) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            } catch (SocketException refusedOrReset) {
                return;
            }
        }
        throw new AssertionError("port " + port + " still accepts connections");
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
}
