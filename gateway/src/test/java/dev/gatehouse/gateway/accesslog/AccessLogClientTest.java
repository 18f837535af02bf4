package dev.gatehouse.gateway.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The resolved client is logged next to the peer only when it differs from it (behind a trusted proxy). */
class AccessLogClientTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final BlockingQueue<AccessLogEntry> lines = new LinkedBlockingQueue<>();
    private Vertx vertx;
    private AccessLog accessLog;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        accessLog = AccessLog.start(new AccessLogOptions(100, lines::add, Clock.fixed(NOW, ZoneOffset.UTC),
                Ticker.system()));
    }

    @AfterEach
    void stop() throws Exception {
        accessLog.close(Duration.ofSeconds(5));
        await(vertx.close());
    }

    @Test
    void aClientBehindAProxyIsLoggedBesideThePeer() throws Exception {
        AccessLogEntry entry = logged(request -> InetAddress.getByName("203.0.113.7"));

        assertThat(entry.peer()).isEqualTo("127.0.0.1");
        assertThat(entry.client()).isEqualTo("203.0.113.7");
        assertThat(new JsonObject(AccessLogLines.json(entry)).getString("client")).isEqualTo("203.0.113.7");
    }

    @Test
    void aClientThatIsThePeerOrUnknownIsNotRepeated() throws Exception {
        assertThat(logged(request -> InetAddress.getByName("127.0.0.1")).client()).isNull();
        AccessLogEntry unknown = logged(request -> null);
        assertThat(unknown.client()).isNull();
        assertThat(AccessLogLines.json(unknown)).doesNotContain("\"client\"");
    }

    private AccessLogEntry logged(ClientOf clientOf) throws Exception {
        HttpServer server = await(vertx.createHttpServer().requestHandler(request -> {
            try {
                accessLog.begin(request, "req-1").client(clientOf.apply(request));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            request.response().end("ok");
        }).listen(0, "127.0.0.1"));
        try {
            int status = await(vertx.createHttpClient().request(HttpMethod.GET,
                            server.actualPort(), "127.0.0.1", "/")
                    // The body is read in the send callback, on the connection's thread, before it can arrive.
                    .compose(r -> r.send().compose(answer -> answer.body().map(b -> answer.statusCode()))));
            assertThat(status).isEqualTo(200);
            AccessLogEntry entry = lines.poll(30, TimeUnit.SECONDS);
            assertThat(entry).as("an access log line").isNotNull();
            return entry;
        } finally {
            await(server.close());
        }
    }

    @FunctionalInterface
    private interface ClientOf {
        InetAddress apply(HttpServerRequest request) throws Exception;
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
