package dev.gatehouse.gateway.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pages sent by a real server on 127.0.0.1 and read by a real client. */
class PagesTest {
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final String ID = "abcdefghijk23456";

    private static Vertx vertx;
    private static WebClient client;
    private static HttpServer server;
    private static final AtomicReference<Page> NEXT = new AtomicReference<>();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        client = WebClient.create(vertx);
        server = await(vertx.createHttpServer()
                .requestHandler(request -> Pages.send(request, NEXT.get(), ID))
                .listen(0, "127.0.0.1"));
    }

    @AfterAll
    static void stop() throws Exception {
        await(vertx.close());
    }

    @Test
    void apiClientsGetJsonForbiddenWithReasonsAndRequestId() throws Exception {
        NEXT.set(new Page.Forbidden(List.of("email-unauthorized", "no-matching-allow-rule"), "it@acme.example"));
        HttpResponse<Buffer> response = get(r -> r.putHeader("Accept", "application/json"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getHeader("X-Request-Id")).isEqualTo(ID);
        assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject()
                .put("error", "forbidden")
                .put("reasons", new JsonArray().add("email-unauthorized").add("no-matching-allow-rule"))
                .put("request_id", ID));
    }

    @Test
    void unauthenticatedJsonCarriesTheLoginUrl() throws Exception {
        NEXT.set(new Page.Unauthenticated("https://app.acme.example/.gatehouse/login?return=%2Fx"));
        HttpResponse<Buffer> response = get(UnaryOperator.identity());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("unauthenticated");
        assertThat(response.bodyAsJsonObject().getString("login_url"))
                .isEqualTo("https://app.acme.example/.gatehouse/login?return=%2Fx");
    }

    @Test
    void xmlHttpRequestGetsJsonEvenWhenItAcceptsHtml() throws Exception {
        NEXT.set(new Page.GatewayTimeout());
        HttpResponse<Buffer> response = get(r -> r.putHeader("Accept", BROWSER_ACCEPT)
                .putHeader("X-Requested-With", "XMLHttpRequest"));

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("gateway_timeout");
    }

    @Test
    void browsersGetAnEscapedHtmlForbiddenPageWithTheContactLine() throws Exception {
        NEXT.set(new Page.Forbidden(List.of("<script>alert(1)</script>"), "Ops <ops@acme.example> & \"friends\""));
        HttpResponse<Buffer> response = get(r -> r.putHeader("Accept", BROWSER_ACCEPT));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.getHeader("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(response.getHeader("Content-Security-Policy")).contains("default-src 'none'");
        String html = response.bodyAsString();
        assertThat(html).contains("Access denied")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("contact Ops &lt;ops@acme.example&gt; &amp; &quot;friends&quot;.")
                .contains(ID)
                .doesNotContain("<script>");
    }

    @Test
    void htmlSignInLinkOnlyForHttpOrSameOriginUrls() throws Exception {
        NEXT.set(new Page.Unauthenticated("https://app.acme.example/.gatehouse/login?a=1&b=\"2\""));
        String html = get(r -> r.putHeader("Accept", BROWSER_ACCEPT)).bodyAsString();
        assertThat(html).contains("href=\"https://app.acme.example/.gatehouse/login?a=1&amp;b=&quot;2&quot;\"");

        NEXT.set(new Page.Unauthenticated("javascript:alert(1)"));
        assertThat(get(r -> r.putHeader("Accept", BROWSER_ACCEPT)).bodyAsString())
                .doesNotContain("href=").doesNotContain("javascript:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/html"})
    void noRouteRevealsNothingAboutTheHost(String accept) throws Exception {
        NEXT.set(new Page.NoRoute());
        HttpResponse<Buffer> response = get(r -> r.virtualHost("secret-tenant.example").putHeader("Accept", accept));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.bodyAsString()).doesNotContain("secret-tenant").doesNotContain("127.0.0.1");
    }

    @Test
    void badGatewayAndBadRequestCarryTheirMessage() throws Exception {
        NEXT.set(new Page.BadGateway("The service behind this address could not be reached."));
        HttpResponse<Buffer> bad = get(UnaryOperator.identity());
        assertThat(bad.statusCode()).isEqualTo(502);
        assertThat(bad.bodyAsJsonObject()).isEqualTo(new JsonObject().put("error", "bad_gateway")
                .put("message", "The service behind this address could not be reached.").put("request_id", ID));

        NEXT.set(new Page.BadRequest("The request is malformed."));
        HttpResponse<Buffer> request = get(UnaryOperator.identity());
        assertThat(request.statusCode()).isEqualTo(400);
        assertThat(request.bodyAsJsonObject().getString("error")).isEqualTo("bad_request");
    }

    @Test
    void anExplainedUpstreamRefusalKeepsItsStatusAndShowsTheFixEscaped() throws Exception {
        NEXT.set(new Page.UpstreamRefused(403, "service account <a@b> lacks roles/run.invoker",
                "gcloud run services add-iam-policy-binding x --member=\"<a@b>\""));
        HttpResponse<Buffer> html = get(r -> r.putHeader("Accept", BROWSER_ACCEPT));
        HttpResponse<Buffer> json = get(UnaryOperator.identity());

        assertThat(html.statusCode()).isEqualTo(403);
        assertThat(html.bodyAsString()).contains("The service refused the gateway",
                        "service account &lt;a@b&gt; lacks roles/run.invoker",
                        "<pre><code>gcloud run services add-iam-policy-binding x"
                                + " --member=&quot;&lt;a@b&gt;&quot;</code></pre>")
                .doesNotContain("<a@b>");
        assertThat(json.bodyAsJsonObject()).isEqualTo(new JsonObject().put("error", "upstream_refused")
                .put("message", "service account <a@b> lacks roles/run.invoker")
                .put("fix", "gcloud run services add-iam-policy-binding x --member=\"<a@b>\"").put("request_id", ID));

        NEXT.set(new Page.UpstreamRefused(401, "the token's audience is wrong", null));
        HttpResponse<Buffer> withoutFix = get(r -> r.putHeader("Accept", BROWSER_ACCEPT));
        assertThat(withoutFix.statusCode()).isEqualTo(401);
        assertThat(withoutFix.bodyAsString()).contains("the token&#39;s audience is wrong").doesNotContain("<pre>");
    }

    @Test
    void formatFollowsAcceptAndRequestedWith() {
        assertThat(ResponseFormat.of(io.vertx.core.MultiMap.caseInsensitiveMultiMap())).isEqualTo(ResponseFormat.JSON);
        assertThat(ResponseFormat.of(io.vertx.core.MultiMap.caseInsensitiveMultiMap().add("accept", "*/*")))
                .isEqualTo(ResponseFormat.JSON);
        assertThat(ResponseFormat.of(io.vertx.core.MultiMap.caseInsensitiveMultiMap().add("Accept", "TEXT/HTML")))
                .isEqualTo(ResponseFormat.HTML);
    }

    @Test
    void requestIdsAreShortWellFormedAndDistinct() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIds.next();
            assertThat(RequestIds.isWellFormed(id)).as(id).isTrue();
            ids.add(id);
        }
        assertThat(ids).hasSize(10_000);
        assertThat(RequestIds.isWellFormed("ABCDEFGHIJK23456")).isFalse();
        assertThat(RequestIds.isWellFormed("short")).isFalse();
    }

    private static HttpResponse<Buffer> get(UnaryOperator<HttpRequest<Buffer>> customize) throws Exception {
        return await(customize.apply(client.get(server.actualPort(), "127.0.0.1", "/anything")).send());
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
