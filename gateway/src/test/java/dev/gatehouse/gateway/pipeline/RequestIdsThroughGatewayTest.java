package dev.gatehouse.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.gateway.authn.TestBrowser;
import dev.gatehouse.gateway.harness.FakeIdp;
import dev.gatehouse.gateway.pages.RequestIds;
import dev.gatehouse.gateway.pipeline.GatewayHarness.TestTenant;
import dev.gatehouse.gateway.pipeline.RecordingUpstream.Received;
import dev.gatehouse.testkit.oidc.FakeOidcProvider;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every answer the gateway gives itself carries one {@code X-Request-Id} (the id of its access log line), and the
 * JSON ones quote it as {@code request_id}: refusals, sign-in challenges for browsers and API clients, the gateway
 * paths, the JWKS. A proxied answer carries the id the upstream received.
 */
@ExtendWith(FakeIdp.class)
class RequestIdsThroughGatewayTest {
    private static final String APP = "app.acme.test";

    private static GatewayHarness harness;

    @BeforeAll
    static void start(FakeOidcProvider idp) {
        harness = GatewayHarness.start(idp);
        TestTenant acme = harness.createTenant("acme", APP);
        harness.createRoute(acme, new JsonObject().put("name", "public").put("prefix", "/public")
                .put("allow_public_unauthenticated_access", true), "/public");
        harness.createRoute(acme, new JsonObject().put("name", "home").put("prefix", "/")
                .put("idp", GatewayHarness.IDP).put("allow_any_authenticated_user", true), "/");
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
    }

    /** A JSON answer of the gateway: the status expected and how to get it. */
    static Stream<Arguments> jsonAnswers() {
        return Stream.of(
                Arguments.of("401 sign-in challenge", 401,
                        exchange(client -> client.get(harness.url(APP, "/reports")))),
                Arguments.of("401 for a bad bearer token", 401, exchange(client -> client
                        .header("Authorization", "Bearer not-a-token").get(harness.url(APP, "/reports")))),
                Arguments.of("401 from who-am-I", 401,
                        exchange(client -> client.get(harness.url(APP, "/.gatehouse/")))),
                Arguments.of("404 unknown host", 404,
                        exchange(client -> client.get(harness.url("nobody.test", "/")))),
                Arguments.of("400 unusable path", 400,
                        exchange(client -> client.get(harness.url(APP, "/a/%2e%2e/b")))));
    }

    /** Gives a lambda its type inside {@code Arguments.of}. */
    private static Function<TestBrowser, TestBrowser.Response> exchange(
            Function<TestBrowser, TestBrowser.Response> exchange) {
        return exchange;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonAnswers")
    void jsonAnswersQuoteTheRequestIdOfTheirHeader(String name, int status,
            Function<TestBrowser, TestBrowser.Response> request) {
        TestBrowser.Response response = request.apply(harness.apiClient());

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().get("Content-Type")).startsWith("application/json");
        String requestId = onlyRequestId(response);
        assertThat(response.json().getString("request_id")).isEqualTo(requestId);
    }

    @Test
    void theUnauthenticatedChallengeKeepsItsLoginUrlAndBearerChallenge() {
        TestBrowser.Response response = harness.apiClient().get(harness.url(APP, "/reports"));

        assertThat(response.json().getString("error")).isEqualTo("unauthenticated");
        assertThat(response.json().getString("login_url")).startsWith(harness.url(APP, "/.gatehouse/sign_in?"));
        assertThat(response.headers().get("WWW-Authenticate")).isEqualTo("Bearer realm=\"gatehouse\"");
        assertThat(response.headers().get("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void aBrowsersLoginRedirectAndTheSignInStepCarryTheRequestId() {
        TestBrowser browser = harness.browser();

        TestBrowser.Response challenge = browser.get(harness.url(APP, "/reports"));
        assertThat(challenge.status()).isEqualTo(302);
        String first = onlyRequestId(challenge);

        TestBrowser.Response signIn = browser.get(challenge.location());
        assertThat(signIn.status()).isEqualTo(302);
        assertThat(onlyRequestId(signIn)).isNotEqualTo(first);
    }

    @Test
    void theGatewaysOwnHtmlPagesShowTheRequestIdOfTheirHeader() {
        TestBrowser browser = harness.browser();

        TestBrowser.Response notFound = browser.get(harness.url(APP, "/.gatehouse/nothing-here"));
        TestBrowser.Response badCallback = browser.get(harness.url(APP, "/.gatehouse/callback?state=forged&code=x"));

        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.body()).contains("Request id: <code>" + onlyRequestId(notFound) + "</code>");
        assertThat(badCallback.status()).isBetween(400, 499);
        assertThat(badCallback.body()).contains("Request id: <code>" + onlyRequestId(badCallback) + "</code>");
    }

    @Test
    void theJwksCarriesTheRequestIdAndKeepsItsDocumentAsItIs() {
        TestBrowser.Response response = harness.apiClient().get(harness.url(APP, "/.well-known/gatehouse/jwks.json"));

        assertThat(response.status()).isEqualTo(200);
        onlyRequestId(response);
        assertThat(response.json().fieldNames()).containsExactly("keys");
    }

    @Test
    void aProxiedAnswerCarriesTheIdTheUpstreamReceivedOnce() {
        harness.upstream.forget();

        TestBrowser.Response response = harness.apiClient().get(harness.url(APP, "/public/news"));

        assertThat(response.status()).isEqualTo(200);
        Received received = harness.upstream.next();
        assertThat(onlyRequestId(response)).isEqualTo(received.header("X-Request-Id"));
    }

    private static String onlyRequestId(TestBrowser.Response response) {
        List<String> ids = response.headers().getAll("X-Request-Id");
        assertThat(ids).as("X-Request-Id headers").hasSize(1);
        assertThat(RequestIds.isWellFormed(ids.get(0))).as(ids.get(0)).isTrue();
        return ids.get(0);
    }
}
