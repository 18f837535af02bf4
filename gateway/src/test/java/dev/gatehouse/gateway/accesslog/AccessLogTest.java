package dev.gatehouse.gateway.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessLogTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final BlockingQueue<AccessLogEntry> lines = new LinkedBlockingQueue<>();
    private final AtomicLong nanos = new AtomicLong();
    private Vertx vertx;
    private AccessLog accessLog;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        // Every reading of the ticker advances it by 5 ms, so a request spans exactly 5 ms.
        Ticker ticker = () -> nanos.getAndAdd(5_000_000L);
        accessLog = AccessLog.start(new AccessLogOptions(100, lines::add, Clock.fixed(NOW, ZoneOffset.UTC), ticker));
    }

    @AfterEach
    void stop() throws Exception {
        accessLog.close(Duration.ofSeconds(5));
        await(vertx.close());
    }

    @Test
    void writesOneLineWithWhatThePipelineLearnedAndWhatWasSent() throws Exception {
        int port = serve(request -> {
            RequestLog log = accessLog.begin(request, "req-abc");
            log.tenant("acme").route("main").user("ada@acme.example").decision("deny");
            request.body().onSuccess(body -> request.response().setStatusCode(403).end("no entry"));
        });
        HttpClient client = vertx.createHttpClient();
        int status = await(client.request(new RequestOptions().setPort(port).setHost("127.0.0.1")
                        .setMethod(HttpMethod.POST).setURI("/things/1?code=secret-code"))
                // The body is read in the send callback, on the connection's thread, before it can arrive.
                .compose(r -> r.send(Buffer.buffer("twelve bytes"))
                        .compose(answer -> answer.body().map(b -> answer.statusCode()))));

        assertThat(status).isEqualTo(403);
        AccessLogEntry entry = next();
        assertThat(entry.time()).isEqualTo(NOW);
        assertThat(entry.requestId()).isEqualTo("req-abc");
        assertThat(entry.tenant()).isEqualTo("acme");
        assertThat(entry.route()).isEqualTo("main");
        assertThat(entry.user()).isEqualTo("ada@acme.example");
        assertThat(entry.decision()).isEqualTo("deny");
        assertThat(entry.method()).isEqualTo("POST");
        assertThat(entry.path()).isEqualTo("/things/1");
        assertThat(entry.peer()).isEqualTo("127.0.0.1");
        assertThat(entry.status()).isEqualTo(403);
        assertThat(entry.durationNanos()).isEqualTo(5_000_000L);
        assertThat(entry.bytesIn()).isEqualTo("twelve bytes".length());
        assertThat(entry.bytesOut()).isEqualTo("no entry".length());
        assertThat(entry.detail()).isNull();
        assertThat(accessLog.written()).isEqualTo(1);
    }

    @Test
    void aClientThatHangsUpIsLoggedOnceAsClientClosed() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        int port = serve(request -> {
            accessLog.begin(request, "req-gone").tenant("acme");
            arrived.countDown();
        });
        HttpClient client = vertx.createHttpClient();
        client.request(new RequestOptions().setPort(port).setHost("127.0.0.1").setURI("/slow"))
                .onSuccess(r -> r.send());
        assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();
        await(client.close());

        AccessLogEntry entry = next();
        assertThat(entry.requestId()).isEqualTo("req-gone");
        assertThat(entry.detail()).isEqualTo("client_closed");
        assertThat(accessLog.offer(entry("marker"))).isTrue();
        assertThat(next().requestId()).as("the line after the request's one line").isEqualTo("marker");
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlocking() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BlockingQueue<AccessLogEntry> written = new LinkedBlockingQueue<>();
        AccessLog stuck = AccessLog.start(new AccessLogOptions(2, entry -> {
            writing.countDown();
            awaitQuietly(release);
            written.add(entry);
        }, Clock.systemUTC(), Ticker.system()));

        assertThat(stuck.offer(entry("first"))).isTrue();
        assertThat(writing.await(30, TimeUnit.SECONDS)).as("the writer took the first entry").isTrue();
        assertThat(stuck.offer(entry("second"))).isTrue();
        assertThat(stuck.offer(entry("third"))).isTrue();
        assertThat(stuck.offer(entry("fourth"))).isFalse();
        assertThat(stuck.offer(entry("fifth"))).isFalse();
        assertThat(stuck.dropped()).isEqualTo(2);

        release.countDown();
        stuck.close(Duration.ofSeconds(30));
        assertThat(written).extracting(AccessLogEntry::requestId).containsExactly("first", "second", "third");
        assertThat(stuck.offer(entry("after close"))).isFalse();
    }

    @Test
    void closeWritesEverythingQueued() throws Exception {
        for (int i = 0; i < 50; i++) {
            assertThat(accessLog.offer(entry("e" + i))).isTrue();
        }
        accessLog.close(Duration.ofSeconds(30));

        assertThat(lines).hasSize(50);
        assertThat(accessLog.written()).isEqualTo(50);
    }

    @Test
    void linesAreJsonWithoutAbsentFields() {
        AccessLogEntry entry = new AccessLogEntry(NOW, "req-1", "acme", null, "ada \"the\" admin", "allow",
                "GET", "/x", "127.0.0.1", 200, 12_345_678L, 100, 2000, null);

        JsonObject line = new JsonObject(AccessLogLines.json(entry));
        assertThat(line).isEqualTo(new JsonObject()
                .put("time", "2026-03-01T12:00:00Z").put("request_id", "req-1").put("tenant", "acme")
                .put("user", "ada \"the\" admin").put("decision", "allow").put("method", "GET").put("path", "/x")
                .put("status", 200).put("duration_ms", 12.345).put("bytes_in", 100).put("bytes_out", 2000)
                .put("peer", "127.0.0.1"));
    }

    private static AccessLogEntry entry(String id) {
        return new AccessLogEntry(NOW, id, null, null, null, null, "GET", "/", null, 200, 0, 0, 0, null);
    }

    private int serve(Consumer<HttpServerRequest> handler) throws Exception {
        HttpServer server = await(vertx.createHttpServer().requestHandler(handler::accept).listen(0, "127.0.0.1"));
        return server.actualPort();
    }

    private AccessLogEntry next() throws InterruptedException {
        AccessLogEntry entry = lines.poll(30, TimeUnit.SECONDS);
        assertThat(entry).as("an access log line").isNotNull();
        return entry;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
