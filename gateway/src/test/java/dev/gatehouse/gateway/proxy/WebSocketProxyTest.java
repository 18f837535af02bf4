package dev.gatehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.config.HeaderRules;
import dev.gatehouse.core.config.RouteOptions;
import dev.gatehouse.testkit.ClosedPort;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WebSockets through the proxy: tunnelled when the route allows them, never forwarded otherwise. */
class WebSocketProxyTest {
    private static Vertx vertx;
    private static RecordingUpstream upstream;
    private static ProxyOnlyGateway gateway;
    private static WebSocketClient webSockets;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        upstream = RecordingUpstream.start(vertx);
        gateway = ProxyOnlyGateway.start(vertx, UpstreamProxyOptions.defaults());
        webSockets = vertx.createWebSocketClient();
    }

    @AfterAll
    static void stop() throws Exception {
        Await.await(vertx.close());
    }

    @BeforeEach
    void reset() {
        upstream.behave(RecordingUpstream.Behaviour.ANSWER);
        upstream.forget();
        gateway.clearOutcomes();
    }

    @Test
    void echoesThroughTheProxyWhenTheRouteAllowsWebSockets() throws Exception {
        gateway.route(UpstreamCall.of(Routes.websocketRoute(), Routes.upstream(upstream.url()), "ws-1")
                .withDecorator(call -> Future.succeededFuture(Map.of("X-Gatehouse-Jwt-Assertion", "signed"))));
        WebSocket ws = Await.await(webSockets.connect(options("/chat?room=1")));
        try {
            assertThat(exchange(ws, "hello")).isEqualTo("echo: hello");
            assertThat(exchange(ws, "again")).isEqualTo("echo: again");

            RecordingUpstream.Received handshake = upstream.next();
            assertThat(handshake.uri()).isEqualTo("/chat?room=1");
            assertThat(handshake.headers().get("Host")).isEqualTo("127.0.0.1:" + upstream.port());
            assertThat(handshake.headers().get("X-Forwarded-Host")).isEqualTo(Client.HOST);
            assertThat(handshake.headers().get("X-Forwarded-For")).isEqualTo("127.0.0.1");
            assertThat(handshake.headers().get("X-Request-Id")).isEqualTo("ws-1");
            assertThat(handshake.headers().get("X-Gatehouse-Jwt-Assertion")).isEqualTo("signed");
            assertThat(gateway.nextOutcome()).isEqualTo(ProxyOutcome.PROXIED);
        } finally {
            Await.await(ws.close());
        }
    }

    @Test
    void theUpstreamClosingTheSocketClosesTheClientsSocket() throws Exception {
        gateway.route(UpstreamCall.of(Routes.websocketRoute(), Routes.upstream(upstream.url()), "ws-5"));
        WebSocket ws = Await.await(webSockets.connect(options("/chat")));
        Promise<Short> closed = Promise.promise();
        ws.closeHandler(v -> closed.tryComplete(ws.closeStatusCode()));

        ws.writeTextMessage("close");

        assertThat(Await.await(closed.future())).isEqualTo((short) 4000);
    }

    @Test
    void anUpstreamsRefusalIsForwarded() throws Exception {
        upstream.behave(RecordingUpstream.Behaviour.REFUSE_UPGRADE);
        gateway.route(UpstreamCall.of(Routes.websocketRoute(), Routes.upstream(upstream.url()), "ws-6"));

        assertThatThrownBy(() -> Await.await(webSockets.connect(options("/chat"))))
                .isInstanceOfSatisfying(UpgradeRejectedException.class, e -> assertThat(e.getStatus()).isEqualTo(451));
        assertThat(gateway.nextOutcome()).isEqualTo(ProxyOutcome.PROXIED);
    }

    @Test
    void refusesUpgradesOnRoutesWithoutWebSockets() throws Exception {
        gateway.route(UpstreamCall.of(Routes.route(), Routes.upstream(upstream.url()), "ws-2"));

        assertThatThrownBy(() -> Await.await(webSockets.connect(options("/chat"))))
                .isInstanceOfSatisfying(UpgradeRejectedException.class, e -> assertThat(e.getStatus()).isEqualTo(403));
        assertThat(gateway.nextOutcome()).isEqualTo(ProxyOutcome.WEBSOCKET_REFUSED);

        Client.Answer plain = new Client(vertx.createHttpClient(), gateway.port())
                .get("/after", MultiMap.caseInsensitiveMultiMap());
        assertThat(plain.status()).isEqualTo(200);
        assertThat(upstream.next().uri()).as("the first request the upstream saw").isEqualTo("/after");
    }

    @Test
    void anUnreachableUpstreamRejectsTheUpgradeWith502() throws Exception {
        try (ClosedPort closed = ClosedPort.reserve()) {
            gateway.route(UpstreamCall.of(Routes.websocketRoute(), Routes.upstream(closed.httpUrl()), "ws-3"));

            assertThatThrownBy(() -> Await.await(webSockets.connect(options("/chat"))))
                    .isInstanceOfSatisfying(UpgradeRejectedException.class, e -> {
                        assertThat(e.getStatus()).isEqualTo(502);
                        assertThat(e.getBody().toJsonObject().getString("error")).isEqualTo("bad_gateway");
                    });
            assertThat(gateway.nextOutcome()).isEqualTo(ProxyOutcome.UPSTREAM_UNREACHABLE);
        }
    }

    @Test
    void aHandshakeTheUpstreamNeverAnswersEndsIn504() throws Exception {
        upstream.behave(RecordingUpstream.Behaviour.NEVER_ANSWER);
        gateway.route(UpstreamCall.of(
                Routes.route(new RouteOptions(false, false, false, false, true), HeaderRules.NONE, "200ms"),
                Routes.upstream(upstream.url()), "ws-4"));

        assertThatThrownBy(() -> Await.await(webSockets.connect(options("/chat"))))
                .isInstanceOfSatisfying(UpgradeRejectedException.class, e -> assertThat(e.getStatus()).isEqualTo(504));
        assertThat(gateway.nextOutcome()).isEqualTo(ProxyOutcome.UPSTREAM_TIMEOUT);
    }

    private static WebSocketConnectOptions options(String uri) {
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost("127.0.0.1").setPort(gateway.port()).setURI(uri);
        options.addHeader("Host", Client.HOST);
        return options;
    }

    private static String exchange(WebSocket ws, String text) throws Exception {
        Promise<String> reply = Promise.promise();
        ws.textMessageHandler(reply::tryComplete);
        ws.writeTextMessage(text);
        return Await.await(reply.future());
    }
}
