package dev.gatehouse.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.gateway.authn.TestBrowser;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.ServerWebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The application behind the gateway: a real HTTP server on 127.0.0.1 that records every request and WebSocket
 * handshake it receives. It answers {@code 200 upstream says hi}, except for paths containing {@value #HANG}, which it
 * never answers (for timeouts). Upstreams of a test are told apart by the path prefix of their URL ({@link #url}).
 */
final class RecordingUpstream {
    static final String HANG = "/hang";
    static final String BODY = "upstream says hi";
    private static final String BARRIER = "/__barrier/";

    record Received(HttpMethod method, String uri, MultiMap headers, boolean webSocket) {
        String header(String name) {
            return headers.get(name);
        }
    }

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicInteger barriers = new AtomicInteger();
    private final HttpClient client;
    private final Context context;
    private HttpServer server;

    private RecordingUpstream(Vertx vertx) {
        this.client = vertx.createHttpClient();
        this.context = vertx.getOrCreateContext();
    }

    static RecordingUpstream start(Vertx vertx) {
        RecordingUpstream upstream = new RecordingUpstream(vertx);
        upstream.server = TestBrowser.await(vertx.createHttpServer()
                .webSocketHandler(upstream::webSocket)
                .requestHandler(upstream::handle)
                .listen(0, "127.0.0.1"));
        return upstream;
    }

    /** The URL to configure as an upstream; requests arrive as {@code /PREFIX/<path>}. */
    String url(String prefix) {
        return "http://127.0.0.1:" + server.actualPort() + prefix;
    }

    /** The next request or handshake received (waits up to 30 s). */
    Received next() {
        try {
            Received next = received.poll(30, TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError("the upstream received nothing");
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Asserts that nothing arrived since the last {@link #next()}: sends a request of its own straight to the
     * upstream and checks that it is the first one recorded. Whatever the gateway forwarded before it answered the
     * test's request would have been recorded ahead of it.
     */
    void assertReceivedNothing() {
        String barrier = BARRIER + barriers.incrementAndGet();
        RequestOptions options = new RequestOptions().setHost("127.0.0.1").setPort(server.actualPort())
                .setURI(barrier);
        TestBrowser.await(OnContext.run(context, () -> client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body())));
        assertThat(next().uri()).as("the first request the upstream received").isEqualTo(barrier);
    }

    /** Forgets what was received so far. */
    void forget() {
        received.clear();
    }

    private void handle(HttpServerRequest request) {
        Received record = new Received(request.method(), request.uri(),
                MultiMap.caseInsensitiveMultiMap().addAll(request.headers()), false);
        if (request.path().contains(HANG)) {
            received.add(record);
            return;
        }
        request.body().onSuccess(body -> {
            received.add(record);
            request.response().putHeader("Content-Type", "text/plain").end(BODY);
        });
    }

    private void webSocket(ServerWebSocket ws) {
        received.add(new Received(HttpMethod.GET, ws.uri(), MultiMap.caseInsensitiveMultiMap().addAll(ws.headers()),
                true));
        ws.textMessageHandler(text -> ws.writeTextMessage("echo: " + text));
    }

    Future<Void> close() {
        return server.close();
    }
}
