package dev.gatehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.config.HeaderRules;
import dev.gatehouse.core.config.RouteOptions;
import dev.gatehouse.testkit.ClosedPort;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy against a real upstream on 127.0.0.1: what the upstream receives, and what the client gets back. */
class UpstreamProxyTest {
    private static final MultiMap NONE = MultiMap.caseInsensitiveMultiMap();
    private static final MultiMap BROWSER = MultiMap.caseInsensitiveMultiMap().add("Accept", "text/html");

    private static Vertx vertx;
    private static RecordingUpstream upstream;
    private static ProxyOnlyGateway gateway;
    private static Client client;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        upstream = RecordingUpstream.start(vertx);
        gateway = ProxyOnlyGateway.start(vertx, UpstreamProxyOptions.defaults());
        client = new Client(vertx.createHttpClient(), gateway.port());
    }

    @AfterAll
    static void stop() throws Exception {
        Await.await(vertx.close());
    }

    @BeforeEach
    void answeringUpstream() {
        upstream.behave(RecordingUpstream.Behaviour.ANSWER);
        upstream.forget();
        gateway.clearOutcomes();
    }

    @Test
    void forwardsMethodPathQueryAndBodyAndTheAnswerBack() throws Exception {
        gateway.route(UpstreamCall.of(Routes.route(), Routes.upstream(upstream.url()), "req-1"));
        Client.Answer answer = client.send(HttpMethod.POST, "/orders/7?expand=lines&x=%20y", NONE,
                Buffer.buffer("{\"qty\":2}"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).isEqualTo("upstream says hi");
        assertThat(answer.headers().get("X-Request-Id")).isEqualTo("req-1");
        RecordingUpstream.Received received = upstream.next();
        assertThat(received.method()).isEqualTo(HttpMethod.POST);
        assertThat(received.uri()).isEqualTo("/orders/7?expand=lines&x=%20y");
        assertThat(received.body().toString()).isEqualTo("{\"qty\":2}");
        assertThat(gateway.nextOutcome()).isEqualTo(ProxyOutcome.PROXIED);
    }

    @Test
    void setsForwardedHeadersHostAndTheGatewaysRequestId() throws Exception {
        gateway.route(UpstreamCall.of(Routes.route(), Routes.upstream(upstream.url()), "gateway-id"));
        client.get("/", MultiMap.caseInsensitiveMultiMap().add("X-Request-Id", "client-chosen"));

        MultiMap received = upstream.next().headers();
        assertThat(received.get("Host")).isEqualTo("127.0.0.1:" + upstream.port());
        assertThat(received.get("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(received.get("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.get("X-Forwarded-Host")).isEqualTo(Client.HOST);
        assertThat(received.getAll("X-Request-Id")).containsExactly("gateway-id");
        assertThat(received.contains("Forwarded")).isFalse();
    }

    @Test
    void prefixesTheUpstreamUrlsPathAndSendsItsHostName() throws Exception {
        gateway.route(UpstreamCall.of(Routes.route(),
                Routes.upstream("http://localhost:" + upstream.port() + "/base/v2/"), "req-2"));
        client.get("/users?id=1", NONE);

        RecordingUpstream.Received received = upstream.next();
        assertThat(received.uri()).isEqualTo("/base/v2/users?id=1");
        assertThat(received.headers().get("Host")).isEqualTo("localhost:" + upstream.port());
    }

    @Test
    void appliesTheRoutesHeaderRules() throws Exception {
        HeaderRules rules = new HeaderRules(Map.of("X-Team", "blue", "Accept-Language", "tlh"),
                List.of("X-Remove-Me", "cookie"));
        gateway.route(UpstreamCall.of(Routes.route(RouteOptions.NONE, rules, null),
                Routes.upstream(upstream.url()), "req-3"));
        client.get("/", MultiMap.caseInsensitiveMultiMap()
                .add("X-Remove-Me", "1").add("Cookie", "a=b").add("Accept-Language", "en").add("X-Kept", "yes"));

        MultiMap received = upstream.next().headers();
        assertThat(received.get("X-Team")).isEqualTo("blue");
        assertThat(received.getAll("Accept-Language")).containsExactly("tlh");
        assertThat(received.contains("X-Remove-Me")).isFalse();
        assertThat(received.contains("Cookie")).isFalse();
        assertThat(received.get("X-Kept")).isEqualTo("yes");
    }

    @Test
    void addsTheDecoratorsHeadersWhenTheyAreReady() throws Exception {
        gateway.route(UpstreamCall.of(Routes.route(), Routes.upstream(upstream.url()), "req-4")
                .withDecorator(call -> vertx.timer(5).map(v -> Map.of(
                        "X-Gatehouse-Jwt-Assertion", "signed-for-" + call.route().from().hostname(),
                        "X-Serverless-Authorization", "Bearer id-token"))));
        client.send(HttpMethod.PUT, "/", NONE, Buffer.buffer("body sent while signing"));

        RecordingUpstream.Received received = upstream.next();
        assertThat(received.headers().get("X-Gatehouse-Jwt-Assertion")).isEqualTo("signed-for-app.acme.example");
        assertThat(received.headers().get("X-Serverless-Authorization")).isEqualTo("Bearer id-token");
        assertThat(received.body().toString()).isEqualTo("body sent while signing");
    }

    @Test
    void aFailedDecoratorAnswers502AndSendsNothing() throws Exception {
        gateway.route(UpstreamCall.of(Routes.route(), Routes.upstream(upstream.url()), "req-5")
                .withDecorator(call -> Future.failedFuture(new IllegalStateException("metadata server at 10.1.2.3"))));
        Client.Answer answer = client.send(HttpMethod.POST, "/first", NONE, Buffer.buffer("x"));

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.text()).doesNotContain("10.1.2.3");
        assertThat(new JsonObject(answer.body()).getString("error")).isEqualTo("bad_gateway");
        assertThat(gateway.nextOutcome()).isEqualTo(ProxyOutcome.SIGNING_FAILED);
        assertNothingReachedTheUpstreamBefore("/second");
    }

    @Test
    void aSlowUpstreamAnswers504AfterTheRouteTimeout() throws Exception {
        upstream.behave(RecordingUpstream.Behaviour.NEVER_ANSWER);
        gateway.route(UpstreamCall.of(Routes.route(RouteOptions.NONE, HeaderRules.NONE, "200ms"),
                Routes.upstream(upstream.url()), "req-6"));

        Client.Answer json = client.get("/slow", NONE);
        assertThat(json.status()).isEqualTo(504);
        assertThat(new JsonObject(json.body())).isEqualTo(new JsonObject().put("error", "gateway_timeout")
                .put("message", "The service behind this address did not answer in time. Please try again.")
                .put("request_id", "req-6"));
        assertThat(gateway.nextOutcome()).isEqualTo(ProxyOutcome.UPSTREAM_TIMEOUT);

        Client.Answer html = client.get("/slow", BROWSER);
        assertThat(html.status()).isEqualTo(504);
        assertThat(html.headers().get("Content-Type")).startsWith("text/html");
        assertThat(html.text()).contains("Upstream timed out").contains("req-6");
    }

    @Test
    void aRefusedConnectionAnswers502WithoutTheAddress() throws Exception {
        try (ClosedPort closed = ClosedPort.reserve()) {
            String closedPort = String.valueOf(closed.port());
            gateway.route(UpstreamCall.of(Routes.route(), Routes.upstream(closed.httpUrl()), "req-7"));

            Client.Answer answer = client.get("/", NONE);
            assertThat(answer.status()).isEqualTo(502);
            assertThat(new JsonObject(answer.body()).getString("message"))
                    .isEqualTo("The service behind this address could not be reached. Please try again later.");
            assertThat(answer.text()).doesNotContain("127.0.0.1").doesNotContain(closedPort)
                    .doesNotContain("Exception");
            assertThat(gateway.nextOutcome()).isEqualTo(ProxyOutcome.UPSTREAM_UNREACHABLE);

            Client.Answer html = client.get("/", BROWSER);
            assertThat(html.status()).isEqualTo(502);
            assertThat(html.text()).contains("Upstream unavailable").doesNotContain(closedPort);
        }
    }

    @Test
    void anUpstreamThatHangsUpAnswers502() throws Exception {
        upstream.behave(RecordingUpstream.Behaviour.CLOSE_CONNECTION);
        gateway.route(UpstreamCall.of(Routes.route(), Routes.upstream(upstream.url()), "req-8"));

        Client.Answer answer = client.get("/", NONE);
        assertThat(answer.status()).isEqualTo(502);
        assertThat(gateway.nextOutcome()).isEqualTo(ProxyOutcome.UPSTREAM_FAILED);
    }

    @Test
    void anUnusableUpstreamUrlAnswers502() throws Exception {
        gateway.route(UpstreamCall.of(Routes.route(), Routes.upstream("ftp://files.internal"), "req-9"));

        Client.Answer answer = client.get("/", NONE);
        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.text()).doesNotContain("files.internal");
        assertThat(gateway.nextOutcome()).isEqualTo(ProxyOutcome.UPSTREAM_MISCONFIGURED);
    }

    @Test
    void dotSegmentsAreRefusedNotForwarded() throws Exception {
        gateway.route(UpstreamCall.of(Routes.route(), Routes.upstream(upstream.url()), "req-10"));

        for (String path : List.of("/public/../admin", "/public/%2e%2e/admin", "/a/./b", "/public/%2E%2e%2fadmin")) {
            Client.Answer answer = client.get(path, NONE);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(gateway.nextOutcome()).isEqualTo(ProxyOutcome.BAD_REQUEST);
        }
        assertNothingReachedTheUpstreamBefore("/fine/..data/.well-known");
    }

    @Test
    void headRequestsAndRedirectsPassThroughUnchanged() throws Exception {
        gateway.route(UpstreamCall.of(Routes.route(), Routes.upstream(upstream.url()), "req-11"));
        Client.Answer head = client.send(HttpMethod.HEAD, "/", NONE, null);

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body().length()).isZero();
        assertThat(upstream.next().method()).isEqualTo(HttpMethod.HEAD);
    }

    /** Sends a request that must arrive and checks it is the first thing the upstream received. */
    private static void assertNothingReachedTheUpstreamBefore(String path) throws Exception {
        gateway.route(UpstreamCall.of(Routes.route(), Routes.upstream(upstream.url()), "sync"));
        assertThat(client.get(path, NONE).status()).isEqualTo(200);
        assertThat(upstream.next().uri()).isEqualTo(path);
    }
}
