package dev.gatehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.gateway.pages.Page;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The refusals hook against a real upstream that answers 401/403 in various shapes: only small refusals of covered
 * calls are shown to the hook; what it explains becomes the gateway's page, what it declines arrives unchanged.
 */
class UpstreamRefusalsTest {
    private static final MultiMap API = MultiMap.caseInsensitiveMultiMap();
    private static final MultiMap BROWSER = MultiMap.caseInsensitiveMultiMap().add("Accept", "text/html");
    private static final String PLATFORM_PAGE = "<html><h1>Error: Forbidden</h1>PLATFORM REFUSAL</html>";
    private static final String EXPLANATION = "the signing identity lacks roles/run.invoker";
    private static final String FIX = "gcloud run services add-iam-policy-binding hello --role=roles/run.invoker";

    private static Vertx vertx;
    private static HttpServer upstream;
    private static ProxyOnlyGateway gateway;
    private static Client client;
    private static final List<UpstreamRefusals.Answer> ASKED = new CopyOnWriteArrayList<>();
    private static volatile boolean covering = true;
    private static volatile boolean failing;

    /** Explains the platform's page only, as the Cloud Run hook does; counts what it was shown. */
    private static final UpstreamRefusals HOOK = new UpstreamRefusals() {
        @Override
        public boolean covers(UpstreamCall call) {
            return covering;
        }

        @Override
        public Future<Optional<Page.UpstreamRefused>> explain(UpstreamCall call, Answer answer) {
            ASKED.add(answer);
            if (failing) {
                return Future.failedFuture("the hook broke");
            }
            return Future.succeededFuture(answer.body().toString().contains("PLATFORM REFUSAL")
                    ? Optional.of(new Page.UpstreamRefused(answer.status(), EXPLANATION, FIX))
                    : Optional.empty());
        }
    };

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        upstream = Await.await(vertx.createHttpServer().requestHandler(request -> {
            var response = request.response().putHeader("X-From", "upstream").putHeader("Set-Cookie", "app=1");
            switch (request.path()) {
                case "/platform" -> response.setStatusCode(403)
                        .putHeader("Content-Type", "text/html; charset=UTF-8").end(PLATFORM_PAGE);
                case "/platform-401" -> response.setStatusCode(401)
                        .putHeader("Content-Type", "text/html; charset=UTF-8").end(PLATFORM_PAGE);
                case "/app" -> response.setStatusCode(403)
                        .putHeader("Content-Type", "application/problem+json").end("{\"title\":\"not your order\"}");
                case "/odd" -> response.setStatusCode(401).putHeader("Content-Type", "nonsense").end("odd");
                case "/large" -> response.setStatusCode(403).putHeader("Content-Type", "text/html")
                        .end(PLATFORM_PAGE + "x".repeat(UpstreamRefusals.MAX_BODY_BYTES));
                case "/chunked" -> response.setStatusCode(403).setChunked(true)
                        .putHeader("Content-Type", "text/html").end(PLATFORM_PAGE);
                default -> response.end("fine");
            }
        }).listen(0, "127.0.0.1"));
        gateway = ProxyOnlyGateway.start(vertx, UpstreamProxyOptions.defaults().withRefusals(HOOK));
        gateway.route(UpstreamCall.of(Routes.route(), Routes.upstream("http://127.0.0.1:" + upstream.actualPort()),
                "req-refused"));
        client = new Client(vertx.createHttpClient(), gateway.port());
    }

    @AfterAll
    static void stop() throws Exception {
        Await.await(vertx.close());
    }

    @BeforeEach
    void reset() {
        ASKED.clear();
        covering = true;
        failing = false;
        gateway.clearOutcomes();
    }

    @Test
    void anExplainedRefusalBecomesTheGatewaysPageForBrowsers() throws Exception {
        Client.Answer answer = client.get("/platform", BROWSER);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.headers().get("Content-Type")).startsWith("text/html;");
        assertThat(answer.text()).contains("The service refused the gateway", EXPLANATION,
                "<pre><code>" + FIX + "</code></pre>", "req-refused").doesNotContain("PLATFORM REFUSAL");
        assertThat(answer.headers().get("X-From")).as("nothing of the upstream's answer is kept").isNull();
        assertThat(answer.headers().get("Set-Cookie")).isNull();
        assertThat(answer.headers().get("Cache-Control")).isEqualTo("no-store");
        assertThat(gateway.nextOutcome()).isEqualTo(ProxyOutcome.UPSTREAM_REFUSED);
        assertThat(ASKED).singleElement().satisfies(asked -> {
            assertThat(asked.status()).isEqualTo(403);
            assertThat(asked.contentType()).isEqualTo("text/html; charset=UTF-8");
            assertThat(asked.body().toString()).isEqualTo(PLATFORM_PAGE);
        });
    }

    @Test
    void anExplainedRefusalIsJsonForApiClientsAndKeepsA401() throws Exception {
        Client.Answer answer = client.get("/platform-401", API);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.headers().get("Content-Type")).isEqualTo("application/json");
        assertThat(new JsonObject(answer.text())).isEqualTo(new JsonObject().put("error", "upstream_refused")
                .put("message", EXPLANATION).put("fix", FIX).put("request_id", "req-refused"));
        assertThat(gateway.nextOutcome()).isEqualTo(ProxyOutcome.UPSTREAM_REFUSED);
    }

    @Test
    void theLogLineSaysWhatThePageSays() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(new TeeStream(original, captured), true, StandardCharsets.UTF_8));
        try {
            client.get("/platform", API);
            assertThat(gateway.nextOutcome()).isEqualTo(ProxyOutcome.UPSTREAM_REFUSED);
        } finally {
            System.setErr(original);
        }

        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("request req-refused route main upstream app:"
                + " upstream_refused (403: " + EXPLANATION + " Fix: " + FIX + ")");
    }

    @Test
    void aRefusalTheHookDeclinesArrivesUnchanged() throws Exception {
        Client.Answer answer = client.get("/app", BROWSER);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.text()).isEqualTo("{\"title\":\"not your order\"}");
        assertThat(answer.headers().get("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.headers().get("X-From")).isEqualTo("upstream");
        assertThat(answer.headers().get("Content-Length")).isEqualTo("26");
        assertThat(gateway.nextOutcome()).isEqualTo(ProxyOutcome.PROXIED);
        assertThat(ASKED).hasSize(1);
    }

    @Test
    void aDeclinedRefusalKeepsEvenAContentTypeThatIsNotAMediaType() throws Exception {
        Client.Answer answer = client.get("/odd", API);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.text()).isEqualTo("odd");
        assertThat(answer.headers().getAll("Content-Type")).containsExactly("nonsense");
        assertThat(ASKED).singleElement().satisfies(asked -> assertThat(asked.contentType()).isEqualTo("nonsense"));
    }

    @Test
    void aFailingHookCountsAsDeclining() throws Exception {
        failing = true;

        Client.Answer answer = client.get("/platform", BROWSER);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.text()).isEqualTo(PLATFORM_PAGE);
        assertThat(answer.headers().get("Content-Type")).isEqualToIgnoringWhitespace("text/html; charset=UTF-8");
        assertThat(gateway.nextOutcome()).isEqualTo(ProxyOutcome.PROXIED);
    }

    @Test
    void callsTheHookDoesNotCoverAreNeverHeldBack() throws Exception {
        covering = false;

        Client.Answer answer = client.get("/platform", BROWSER);

        assertThat(answer.text()).isEqualTo(PLATFORM_PAGE);
        assertThat(answer.headers().get("X-From")).isEqualTo("upstream");
        assertThat(ASKED).isEmpty();
    }

    @Test
    void largeChunkedHeadAndSuccessfulAnswersStreamThroughWithoutAsking() throws Exception {
        Client.Answer large = client.get("/large", BROWSER);
        Client.Answer chunked = client.get("/chunked", BROWSER);
        Client.Answer head = client.send(HttpMethod.HEAD, "/platform", BROWSER, null);
        Client.Answer fine = client.get("/other", BROWSER);

        assertThat(large.status()).isEqualTo(403);
        assertThat(large.body().length()).isEqualTo(PLATFORM_PAGE.length() + UpstreamRefusals.MAX_BODY_BYTES);
        assertThat(chunked.text()).isEqualTo(PLATFORM_PAGE);
        assertThat(head.status()).isEqualTo(403);
        assertThat(head.headers().get("X-From")).isEqualTo("upstream");
        assertThat(fine.text()).isEqualTo("fine");
        assertThat(ASKED).isEmpty();
    }

    /** Writes to both streams: the captured copy for the assertion, the original so the output is not lost. */
    private static final class TeeStream extends java.io.OutputStream {
        private final PrintStream original;
        private final ByteArrayOutputStream copy;

        TeeStream(PrintStream original, ByteArrayOutputStream copy) {
            this.original = original;
            this.copy = copy;
        }

        @Override
        public void write(int b) {
            original.write(b);
            synchronized (copy) {
                copy.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            original.write(b, off, len);
            synchronized (copy) {
                copy.write(b, off, len);
            }
        }
    }
}
