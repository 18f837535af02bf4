package dev.gatehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What a client forges never reaches the upstream, on plain requests and on WebSocket upgrades. */
class HeaderStrippingTest {
    private static final String FORGED = "forged-by-client";

    private static Vertx vertx;
    private static RecordingUpstream upstream;
    private static ProxyOnlyGateway gateway;
    private static Client client;
    private static WebSocketClient webSockets;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        upstream = RecordingUpstream.start(vertx);
        gateway = ProxyOnlyGateway.start(vertx, UpstreamProxyOptions.defaults());
        client = new Client(vertx.createHttpClient(), gateway.port());
        webSockets = vertx.createWebSocketClient();
    }

    @AfterAll
    static void stop() throws Exception {
        Await.await(vertx.close());
    }

    @BeforeEach
    void plainRoute() {
        upstream.forget();
        gateway.route(UpstreamCall.of(Routes.route(), Routes.upstream(upstream.url()), "req-plain"));
    }

    static Stream<String> forgeable() {
        return Stream.of("X-Gatehouse-Jwt-Assertion", "X-Gatehouse-Claim-Email", "X-Gatehouse-Claim-Groups",
                "x-gatehouse-claim-sub", "X-GATEHOUSE-ANYTHING", "X_Gatehouse_Claim_Email",
                "X-Serverless-Authorization", "x_serverless_authorization", "X-Forwarded-For", "X-Forwarded-Proto",
                "X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-Prefix", "X_Forwarded_For", "Forwarded",
                "X-Real-IP");
    }

    @ParameterizedTest
    @MethodSource("forgeable")
    void plainRequestsNeverCarryAForgedHeaderUpstream(String header) throws Exception {
        Client.Answer answer = client.get("/page", MultiMap.caseInsensitiveMultiMap().add(header, FORGED));

        assertThat(answer.status()).isEqualTo(200);
        MultiMap received = upstream.next().headers();
        assertNoForgedValue(received);
        assertThat(received.get("X-Forwarded-For")).isEqualTo("127.0.0.1");
    }

    @ParameterizedTest
    @MethodSource("forgeable")
    void webSocketUpgradesNeverCarryAForgedHeaderUpstream(String header) throws Exception {
        gateway.route(UpstreamCall.of(Routes.websocketRoute(), Routes.upstream(upstream.url()), "req-ws"));
        WebSocket ws = Await.await(webSockets.connect(new WebSocketConnectOptions()
                .setHost("127.0.0.1").setPort(gateway.port()).setURI("/socket").addHeader(header, FORGED)));
        try {
            MultiMap received = upstream.next().headers();
            assertNoForgedValue(received);
            assertThat(received.get("X-Forwarded-For")).isEqualTo("127.0.0.1");
        } finally {
            Await.await(ws.close());
        }
    }

    @Test
    void signedHeadersReplaceForgedOnesOnUpgradesToo() throws Exception {
        gateway.route(UpstreamCall.of(Routes.websocketRoute(), Routes.upstream(upstream.url()), "req-ws")
                .withDecorator(call -> vertx.timer(1).map(v -> Map.of("X-Gatehouse-Jwt-Assertion", "signed"))));
        WebSocket ws = Await.await(webSockets.connect(new WebSocketConnectOptions()
                .setHost("127.0.0.1").setPort(gateway.port()).setURI("/socket")
                .addHeader("X-Gatehouse-Jwt-Assertion", FORGED)));
        try {
            assertThat(upstream.next().headers().getAll("X-Gatehouse-Jwt-Assertion")).containsExactly("signed");
        } finally {
            Await.await(ws.close());
        }
    }

    @Test
    void authorizationIsStrippedOnlyWhereTheGatewaySetsIt() throws Exception {
        MultiMap withAuthorization = MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer " + FORGED);

        gateway.route(UpstreamCall.of(Routes.route(), Routes.cloudRunWithAuthorizationHeader(upstream.url()), "r1"));
        assertThat(client.get("/", withAuthorization).status()).isEqualTo(200);
        assertThat(upstream.next().headers().contains("Authorization")).isFalse();

        gateway.route(UpstreamCall.of(Routes.route(), Routes.upstream(upstream.url()), "r2"));
        assertThat(client.get("/", withAuthorization).status()).isEqualTo(200);
        assertThat(upstream.next().headers().get("Authorization")).isEqualTo("Bearer " + FORGED);

        gateway.route(UpstreamCall.of(Routes.route(), Routes.upstream(upstream.url()), "r3")
                .withGatewaySetsAuthorization(true)
                .withDecorator(call -> io.vertx.core.Future.succeededFuture(Map.of("Authorization", "Bearer real"))));
        assertThat(client.get("/", withAuthorization).status()).isEqualTo(200);
        assertThat(upstream.next().headers().getAll("Authorization")).containsExactly("Bearer real");
    }

    @Test
    void aTrustedProxysChainIsExtendedAndItsProtoKept() throws Exception {
        ProxyOnlyGateway behindProxy = ProxyOnlyGateway.start(vertx,
                UpstreamProxyOptions.defaults().withTrustedPeers(TrustedPeers.any()));
        try {
            behindProxy.route(UpstreamCall.of(Routes.route(), Routes.upstream(upstream.url()), "req-trusted"));
            Client.Answer answer = new Client(vertx.createHttpClient(), behindProxy.port()).get("/",
                    MultiMap.caseInsensitiveMultiMap()
                            .add("X-Forwarded-For", "203.0.113.7")
                            .add("X-Forwarded-Proto", "https")
                            .add("Forwarded", "for=203.0.113.7;proto=https")
                            .add("X-Gatehouse-Claim-Email", FORGED));

            assertThat(answer.status()).isEqualTo(200);
            MultiMap received = upstream.next().headers();
            assertThat(received.get("X-Forwarded-For")).isEqualTo("203.0.113.7, 127.0.0.1");
            assertThat(received.get("X-Forwarded-Proto")).isEqualTo("https");
            assertThat(received.get("Forwarded")).isEqualTo(
                    "for=203.0.113.7;proto=https, for=127.0.0.1;host=\"" + Client.HOST + "\";proto=https");
            assertNoForgedValue(received);
        } finally {
            behindProxy.close();
        }
    }

    private static void assertNoForgedValue(MultiMap received) {
        assertThat(received.entries()).as("headers the upstream received")
                .noneMatch(e -> e.getValue().contains(FORGED));
    }
}
