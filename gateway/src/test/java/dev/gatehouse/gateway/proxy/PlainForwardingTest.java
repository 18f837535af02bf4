package dev.gatehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.config.HeaderRules;
import dev.gatehouse.core.config.RouteOptions;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the gateway's own forwarder of plain requests does beyond what the other proxy tests cover: hop-by-hop
 * headers (also those a message names in {@code Connection}) stay on their hop in both directions, bodies keep
 * their framing, answers without a body stay without one, and a client that hangs up cancels the upstream request.
 */
class PlainForwardingTest {
    private static final MultiMap NONE = MultiMap.caseInsensitiveMultiMap();

    private static Vertx vertx;
    private static HttpServer upstream;
    private static final BlockingQueue<HttpServerRequest> RECEIVED = new LinkedBlockingQueue<>();
    private static final BlockingQueue<String> CANCELLED = new LinkedBlockingQueue<>();
    private static ProxyOnlyGateway gateway;
    private static Client client;
    private static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        upstream = Await.await(vertx.createHttpServer().requestHandler(PlainForwardingTest::answer)
                .listen(0, "127.0.0.1"));
        gateway = ProxyOnlyGateway.start(vertx, UpstreamProxyOptions.defaults());
        // No response timeout: only the client's hang-up may end a request the upstream never answers.
        gateway.route(UpstreamCall.of(Routes.route(RouteOptions.NONE, HeaderRules.NONE, "0s"),
                Routes.upstream("http://127.0.0.1:" + upstream.actualPort()), "plain"));
        http = vertx.createHttpClient();
        client = new Client(http, gateway.port());
    }

    @AfterAll
    static void stop() throws Exception {
        Await.await(vertx.close());
    }

    @BeforeEach
    void forget() {
        RECEIVED.clear();
        CANCELLED.clear();
    }

    private static void answer(HttpServerRequest request) {
        RECEIVED.add(request);
        switch (request.path()) {
            case "/hop-by-hop" -> request.response()
                    .putHeader("Connection", "X-Upstream-Hop")
                    .putHeader("X-Upstream-Hop", "for the gateway only")
                    .putHeader("Keep-Alive", "timeout=5")
                    .putHeader("Proxy-Authenticate", "Basic realm=upstream")
                    .putHeader("X-End-To-End", "kept")
                    .end("done");
            case "/empty" -> request.response().setStatusCode(204).end();
            case "/unchanged" -> request.response().setStatusCode(304).putHeader("ETag", "\"v1\"").end();
            case "/reason" -> request.response().setStatusCode(299).setStatusMessage("Fine Indeed").end("x");
            case "/head" -> request.response().putHeader("Content-Length", "16").end();
            case "/small" -> request.response().setStatusCode(Integer.parseInt(request.getParam("status")))
                    .end(smallBody(Integer.parseInt(request.getParam("length"))));
            case "/never" -> request.response().closeHandler(v -> CANCELLED.add(request.path()));
            case "/echo-length" -> request.body().onSuccess(body -> request.response()
                    .putHeader("Content-Type", "application/octet-stream").end(body));
            default -> request.body().onSuccess(body -> request.response().end("upstream says hi"));
        }
    }

    @Test
    void hopByHopHeadersAndThoseNamedInConnectionStayOnTheirHop() throws Exception {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Connection", "keep-alive, X-Client-Hop")
                .add("X-Client-Hop", "for the gateway only")
                .add("Keep-Alive", "timeout=5")
                .add("TE", "trailers")
                .add("Proxy-Authorization", "Basic Z2F0ZXdheTpzZWNyZXQ=")
                .add("X-End-To-End", "kept");
        Client.Answer answer = client.get("/hop-by-hop", headers);

        MultiMap received = RECEIVED.poll(10, TimeUnit.SECONDS).headers();
        assertThat(received.names()).map(String::toLowerCase)
                .doesNotContain("x-client-hop", "keep-alive", "te", "proxy-authorization", "upgrade");
        assertThat(received.getAll("Connection")).allSatisfy(value -> assertThat(value).doesNotContain("X-Client-Hop"));
        assertThat(received.get("X-End-To-End")).isEqualTo("kept");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).isEqualTo("done");
        assertThat(answer.headers().names()).map(String::toLowerCase)
                .doesNotContain("x-upstream-hop", "keep-alive", "proxy-authenticate");
        assertThat(answer.headers().getAll("Connection"))
                .allSatisfy(value -> assertThat(value).doesNotContain("X-Upstream-Hop"));
        assertThat(answer.headers().get("X-End-To-End")).isEqualTo("kept");
        assertThat(answer.headers().get("X-Request-Id")).isEqualTo("plain");
        assertThat(gateway.nextOutcome()).isEqualTo(ProxyOutcome.PROXIED);
    }

    @Test
    void aLargeBodyWithAContentLengthKeepsItBothWays() throws Exception {
        byte[] body = new byte[6 * 1024 * 1024 + 5];
        new Random(3).nextBytes(body);
        Answer answer = Await.await(exchange(HttpMethod.POST, "/echo-length", Buffer.buffer(body)));
        HttpClientResponse response = answer.response();
        Buffer echoed = answer.body();

        HttpServerRequest received = RECEIVED.poll(10, TimeUnit.SECONDS);
        assertThat(received.headers().get("Content-Length")).isEqualTo(String.valueOf(body.length));
        assertThat(received.headers().contains("Transfer-Encoding")).isFalse();
        assertThat(response.getHeader("Content-Length")).isEqualTo(String.valueOf(body.length));
        assertThat(response.headers().contains("Transfer-Encoding")).isFalse();
        assertThat(sha256(echoed.getBytes())).isEqualTo(sha256(body));
    }

    @Test
    void answersWithoutABodyStayWithoutOne() throws Exception {
        Client.Answer empty = client.get("/empty", NONE);
        assertThat(empty.status()).isEqualTo(204);
        assertThat(empty.body().length()).isZero();
        assertThat(empty.headers().contains("Transfer-Encoding")).isFalse();

        Client.Answer unchanged = client.get("/unchanged", NONE);
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.headers().get("ETag")).isEqualTo("\"v1\"");
        assertThat(unchanged.body().length()).isZero();

        Client.Answer head = client.send(HttpMethod.HEAD, "/head", NONE, null);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.headers().get("Content-Length")).as("the length a GET would have").isEqualTo("16");
        assertThat(head.body().length()).isZero();
        assertThat(client.get("/after", NONE).text()).as("the connections still work").isEqualTo("upstream says hi");
    }

    @Test
    void theUpstreamsReasonPhraseIsKept() throws Exception {
        Answer answer = Await.await(exchange(HttpMethod.GET, "/reason", null));

        assertThat(answer.response().statusCode()).isEqualTo(299);
        assertThat(answer.response().statusMessage()).isEqualTo("Fine Indeed");
        assertThat(answer.body().toString()).isEqualTo("x");
    }

    /**
     * The upstream ends each answer at once, so its head and body reach the gateway in one read: the gateway must
     * be reading the body as soon as the head is handed to it, or the body goes to nobody. Many at once keep the
     * event loops busy. Every body arrives whole, of any status, up to the largest collected one
     * ({@link AnswerRelay#SMALL_BODY_BYTES}) and the smallest streamed one.
     */
    @Test
    void smallAnswersOfAnyStatusKeepTheirBodiesWhenManyRunAtOnce() throws Exception {
        List<SmallAnswer> kinds = new ArrayList<>();
        for (int status : new int[] {200, 201, 299, 403, 404, 500}) {
            for (long length : new long[] {1, 2, 17, AnswerRelay.SMALL_BODY_BYTES, AnswerRelay.SMALL_BODY_BYTES + 1}) {
                kinds.add(new SmallAnswer(status, (int) length));
            }
        }
        for (SmallAnswer kind : kinds) {
            kind.assertArrived(Await.await(exchange(HttpMethod.GET, kind.uri(), null)));
        }
        List<Future<Answer>> atOnce = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            kinds.forEach(kind -> atOnce.add(exchange(HttpMethod.GET, kind.uri(), null)));
        }
        Await.await(Future.all(atOnce));
        for (int i = 0; i < atOnce.size(); i++) {
            kinds.get(i % kinds.size()).assertArrived(atOnce.get(i).result());
        }
    }

    /** What the upstream answers to {@code /small}: this status, and a body of this many bytes, in one end. */
    private record SmallAnswer(int status, int length) {
        String uri() {
            return "/small?status=" + status + "&length=" + length;
        }

        void assertArrived(Answer answer) {
            assertThat(answer.response().statusCode()).as(uri()).isEqualTo(status);
            assertThat(answer.body().toString()).as(uri()).isEqualTo(smallBody(length));
        }
    }

    private static String smallBody(int length) {
        return "x".repeat(length);
    }

    @Test
    void aTransferCodingOtherThanChunkedIsRefused() throws Exception {
        NetSocket socket = Await.await(vertx.createNetClient().connect(gateway.port(), "127.0.0.1"));
        Promise<String> answer = Promise.promise();
        Buffer seen = Buffer.buffer();
        socket.handler(data -> {
            seen.appendBuffer(data);
            if (seen.toString().contains("\r\n\r\n")) {
                answer.tryComplete(seen.toString());
            }
        });
        socket.write("POST /gzip HTTP/1.1\r\nHost: app.acme.example\r\nTransfer-Encoding: gzip\r\n\r\n");

        // Refused by the gateway, or already by the server's decoder: either way, never forwarded.
        assertThat(Await.await(answer.future())).startsWith("HTTP/1.1 400 ");
        assertThat(RECEIVED).isEmpty();
        socket.close();
    }

    @Test
    void aClientThatHangsUpCancelsTheUpstreamRequest() throws Exception {
        NetSocket socket = Await.await(vertx.createNetClient().connect(gateway.port(), "127.0.0.1"));
        socket.write("GET /never HTTP/1.1\r\nHost: app.acme.example\r\n\r\n");
        assertThat(RECEIVED.poll(10, TimeUnit.SECONDS)).as("the request reached the upstream").isNotNull();

        Await.await(socket.close());
        assertThat(CANCELLED.poll(10, TimeUnit.SECONDS)).as("the upstream's request was reset").isEqualTo("/never");
    }

    /** A response with its body. */
    private record Answer(HttpClientResponse response, Buffer body) {
    }

    /**
     * Sends and reads on the connection's own thread: the body is read in the callback that sends the request,
     * before the response can arrive. Chained from the test thread instead, the read could come after a small
     * response had already ended (the test thread descheduled under load), and its body would read as empty.
     */
    private static Future<Answer> exchange(HttpMethod method, String uri, Buffer body) {
        RequestOptions options = new RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(gateway.port(), "127.0.0.1")).setMethod(method).setURI(uri);
        return http.request(options).compose(request -> {
            request.authority(HostAndPort.authority(Client.HOST));
            Future<HttpClientResponse> response = body == null ? request.send() : request.send(body);
            return response.compose(answer -> answer.body().map(read -> new Answer(answer, read)));
        });
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
