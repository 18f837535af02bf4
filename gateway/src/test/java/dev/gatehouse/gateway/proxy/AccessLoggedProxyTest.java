package dev.gatehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.gateway.accesslog.AccessLog;
import dev.gatehouse.gateway.accesslog.AccessLogEntry;
import dev.gatehouse.gateway.accesslog.AccessLogOptions;
import dev.gatehouse.gateway.accesslog.RequestLog;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Access log lines for proxied requests, with the proxy's outcome as detail, the way the pipeline will wire it. */
class AccessLoggedProxyTest {
    private static final BlockingQueue<AccessLogEntry> LINES = new LinkedBlockingQueue<>();
    private static final AtomicReference<UpstreamCall> CALL = new AtomicReference<>();

    private static Vertx vertx;
    private static RecordingUpstream upstream;
    private static AccessLog accessLog;
    private static HttpServer gateway;
    private static UpstreamProxy proxy;
    private static WebSocketClient webSockets;
    private static Client client;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        upstream = RecordingUpstream.start(vertx);
        accessLog = AccessLog.start(AccessLogOptions.defaults(Clock.systemUTC()).withSink(LINES::add));
        proxy = UpstreamProxy.create(vertx, UpstreamProxyOptions.defaults());
        gateway = Await.await(vertx.createHttpServer().requestHandler(request -> {
            request.pause();
            UpstreamCall call = CALL.get();
            RequestLog log = accessLog.begin(request, call.requestId()).tenant("acme").route(call.route().name());
            ForgeableHeaders.stripInbound(request, TrustedPeers.none());
            log.user("ada@acme.example").decision("allow");
            proxy.proxy(request, call).onSuccess(outcome -> {
                if (outcome != ProxyOutcome.PROXIED) {
                    log.detail(outcome.code());
                }
            });
        }).listen(0, "127.0.0.1"));
        webSockets = vertx.createWebSocketClient();
        client = new Client(vertx.createHttpClient(), gateway.actualPort());
    }

    @AfterAll
    static void stop() throws Exception {
        accessLog.close(Duration.ofSeconds(5));
        Await.await(vertx.close());
    }

    @BeforeEach
    void reset() {
        LINES.clear();
        upstream.forget();
        upstream.behave(RecordingUpstream.Behaviour.ANSWER);
    }

    @Test
    void aProxiedRequestIsLoggedWithTheUpstreamsStatusAndBytes() throws Exception {
        CALL.set(UpstreamCall.of(Routes.route(), Routes.upstream(upstream.url()), "log-1"));
        Client.Answer answer = client.get("/report?token=abc", MultiMap.caseInsensitiveMultiMap());

        assertThat(answer.status()).isEqualTo(200);
        AccessLogEntry entry = next();
        assertThat(entry.requestId()).isEqualTo("log-1");
        assertThat(entry.tenant()).isEqualTo("acme");
        assertThat(entry.route()).isEqualTo("main");
        assertThat(entry.user()).isEqualTo("ada@acme.example");
        assertThat(entry.decision()).isEqualTo("allow");
        assertThat(entry.status()).isEqualTo(200);
        assertThat(entry.path()).isEqualTo("/report");
        assertThat(entry.bytesOut()).isEqualTo("upstream says hi".length());
        assertThat(entry.detail()).isNull();
    }

    @Test
    void aTimeoutIsLoggedAs504WithItsCause() throws Exception {
        upstream.behave(RecordingUpstream.Behaviour.NEVER_ANSWER);
        CALL.set(UpstreamCall.of(Routes.route(dev.gatehouse.core.config.RouteOptions.NONE,
                dev.gatehouse.core.config.HeaderRules.NONE, "100ms"), Routes.upstream(upstream.url()), "log-2"));
        client.get("/", MultiMap.caseInsensitiveMultiMap());

        AccessLogEntry entry = next();
        assertThat(entry.status()).isEqualTo(504);
        assertThat(entry.detail()).isEqualTo("upstream_timeout");
    }

    @Test
    void aWebSocketIsLoggedOnceWhenItIsUpgraded() throws Exception {
        CALL.set(UpstreamCall.of(Routes.websocketRoute(), Routes.upstream(upstream.url()), "log-3"));
        WebSocket ws = Await.await(webSockets.connect(new WebSocketConnectOptions()
                .setHost("127.0.0.1").setPort(gateway.actualPort()).setURI("/chat")));
        Promise<String> echo = Promise.promise();
        ws.textMessageHandler(echo::tryComplete);
        ws.writeTextMessage("hi");
        assertThat(Await.await(echo.future())).isEqualTo("echo: hi");
        Await.await(ws.close());

        AccessLogEntry entry = next();
        assertThat(entry.requestId()).isEqualTo("log-3");
        assertThat(entry.status()).isEqualTo(101);
        assertThat(entry.detail()).isNull();
        assertThat(accessLog.offer(new AccessLogEntry(Instant.EPOCH, "marker", null, null, null, null, "GET", "/",
                null, 200, 0, 0, 0, null))).isTrue();
        assertThat(next().requestId()).as("the line after the session's one line").isEqualTo("marker");
    }

    private static AccessLogEntry next() throws InterruptedException {
        AccessLogEntry entry = LINES.poll(30, TimeUnit.SECONDS);
        assertThat(entry).as("an access log line").isNotNull();
        return entry;
    }
}
