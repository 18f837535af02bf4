package dev.gatehouse.gateway.pipeline;

import static dev.gatehouse.gateway.pipeline.GatewayHarness.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.gatehouse.gateway.authn.TestBrowser;
import dev.gatehouse.gateway.harness.FakeIdp;
import dev.gatehouse.gateway.pipeline.GatewayHarness.TestTenant;
import dev.gatehouse.gateway.pipeline.GatewayHarness.User;
import dev.gatehouse.gateway.pipeline.RecordingUpstream.Received;
import dev.gatehouse.gateway.session.SessionCookie;
import dev.gatehouse.testkit.oidc.FakeOidcProvider;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an attacker tries against the assembled gateway: forged identity and proxy headers (plain and WebSocket),
 * another tenant's session cookie, open redirects, a forged login state, probing unknown hosts, and path spellings
 * that aim past a stricter route. acme's {@code /admin} admits only bob; its {@code /} and {@code /ws} admit any
 * signed-in user and pass identity headers; all three share one upstream, as one application's routes do.
 */
@ExtendWith(FakeIdp.class)
class AttacksThroughGatewayTest {
    private static final String APP = "app.acme.test";
    private static final String DOCS = "docs.acme.test";
    private static final String OTHER = "app.other.test";
    private static final String FORGED = "forged-by-client";

    private static GatewayHarness harness;
    private static TestTenant acme;
    private static TestBrowser alice;
    private static WebSocketClient webSockets;

    @BeforeAll
    static void start(FakeOidcProvider idp) {
        harness = GatewayHarness.start(idp);
        acme = harness.createTenant("acme", APP, DOCS);
        TestTenant other = harness.createTenant("other", OTHER);
        JsonObject anyUser = new JsonObject().put("idp", GatewayHarness.IDP).put("allow_any_authenticated_user", true)
                .put("pass_identity_headers", true);
        harness.createRoute(acme, new JsonObject().put("name", "admin").put("prefix", "/admin")
                .put("idp", GatewayHarness.IDP)
                .put("policy", new JsonArray().add(new JsonObject().put("allow", new JsonObject().put("and",
                        new JsonArray().add(new JsonObject().put("email", "bob@acme.test")))))), "/admin");
        harness.createRoute(acme, anyUser.copy().put("name", "ws").put("prefix", "/ws").put("allow_websockets", true),
                "/ws");
        harness.createRoute(acme, anyUser.copy().put("name", "home").put("prefix", "/"), "/");
        harness.createRoute(other, anyUser.copy().put("name", "home").put("prefix", "/"), "/");
        alice = harness.signIn(acme, APP, User.alice());
        webSockets = harness.vertx.createWebSocketClient();
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
    }

    @BeforeEach
    void reset() {
        harness.upstream.forget();
        alice.header("Accept", "application/json");
    }

    static Stream<String> forgeableHeaders() {
        return Stream.of("X-Gatehouse-Jwt-Assertion", "X-Gatehouse-Claim-Email", "X-Gatehouse-Claim-Sub",
                "X-Gatehouse-Claim-Groups", "X_Gatehouse_Claim_Email", "X-Gatehouse-Anything",
                "X-Serverless-Authorization", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "Forwarded",
                "X-Real-IP");
    }

    @ParameterizedTest
    @MethodSource("forgeableHeaders")
    void aForgedHeaderNeverReachesTheUpstreamAndNeverOverridesTheGateways(String header) {
        alice.header(header, FORGED);
        try {
            assertThat(alice.get(harness.url(APP, "/profile")).status()).isEqualTo(200);
        } finally {
            alice.header(header, null);
        }

        assertSignedByTheGatewayOnly(harness.upstream.next());
    }

    @ParameterizedTest
    @MethodSource("forgeableHeaders")
    void aForgedHeaderOnAWebSocketUpgradeNeverReachesTheUpstream(String header) {
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost("127.0.0.1").setPort(harness.port()).setURI("/ws/chat")
                .putHeader("Host", APP + ":" + harness.port())
                .addHeader("Cookie", SessionCookie.NAME + "=" + alice.cookie(APP, SessionCookie.NAME).value())
                .addHeader(header, FORGED);
        WebSocket ws = TestBrowser.await(OnContext.run(harness.vertx.getOrCreateContext(),
                () -> webSockets.connect(options)));
        try {
            Received handshake = harness.upstream.next();
            assertThat(handshake.webSocket()).isTrue();
            assertThat(handshake.uri()).isEqualTo("/acme/ws/chat");
            assertSignedByTheGatewayOnly(handshake);
        } finally {
            TestBrowser.await(ws.close());
        }
    }

    @Test
    void aSessionCookieOfTenantAIsWorthlessOnAHostnameOfTenantB() {
        TestBrowser thief = harness.apiClient();
        thief.putCookie(OTHER, SessionCookie.NAME, alice.cookie(APP, SessionCookie.NAME).value());

        TestBrowser.Response response = thief.get(harness.url(OTHER, "/inbox"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().getString("login_url")).startsWith(harness.url(OTHER, "/.gatehouse/sign_in?"));
        harness.upstream.assertReceivedNothing();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.test/steal", "//evil.test/steal", "http://app.other.test:PORT/", "/relative",
        "http://app.acme.test:PORT@evil.test/"})
    void signingInNeverReturnsToAnAddressOutsideTheTenant(String returnTo) {
        User.alice().issue(harness.idp.signInAs(acme.issuerId()));
        TestBrowser browser = harness.browser();

        TestBrowser.Response end = browser.navigate(harness.url(APP, "/.gatehouse/sign_in?idp=main&return_to="
                + encode(returnTo.replace("PORT", String.valueOf(harness.port())))));

        assertThat(end.url()).isEqualTo(harness.url(APP, "/"));
        assertThat(end.status()).isEqualTo(200);
        assertThat(browser.visited()).extracting(url -> URI.create(url).getHost()).containsOnly(APP, "127.0.0.1");
    }

    @Test
    void aForgedLoginStateIsRefusedAndSignsNobodyIn() {
        TestBrowser browser = harness.browser();
        browser.get(harness.url(APP, "/.gatehouse/sign_in?idp=main&return_to=" + encode(harness.url(APP, "/"))));

        TestBrowser.Response callback = browser.get(harness.url(APP, "/.gatehouse/callback?code=stolen&state=forged"));

        assertThat(callback.status()).isEqualTo(400);
        assertThat(browser.cookie(APP, SessionCookie.NAME)).isNull();
        assertThat(browser.get(harness.url(APP, "/profile")).status()).as("still signed out").isEqualTo(302);
        harness.upstream.assertReceivedNothing();
    }

    @Test
    void anUnknownHostGetsA404ThatRevealsNothing() {
        TestBrowser.Response unknown = harness.apiClient().get("http://unknown.example:" + harness.port() + "/admin");
        TestBrowser.Response knownWithoutRoute = harness.apiClient().get(harness.url(DOCS, "/admin"));
        TestBrowser.Response html = harness.browser().get("http://unknown.example:" + harness.port() + "/");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().getString("error")).isEqualTo("no_route");
        assertThat(knownWithoutRoute.status()).isEqualTo(404);
        assertThat(knownWithoutRoute.body()).as("a tenant's hostname without a route looks the same").isEqualTo(
                unknown.body().replace(unknown.headers().get("X-Request-Id"),
                        knownWithoutRoute.headers().get("X-Request-Id")));
        assertThat(html.status()).isEqualTo(404);
        assertThat(List.of(unknown.body(), html.body())).allSatisfy(body ->
                assertThat(body.toLowerCase()).doesNotContain("acme", "other", "unknown.example", "tenant"));
        harness.upstream.assertReceivedNothing();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/users", "/%61dmin/users", "/%61%64%6D%69%6E/users", "//admin/users",
        "///admin//users", "/;/admin/users", "/;x=1/admin/users", "/admin;jsessionid=1/users"})
    void noSpellingOfAdminReachesTheUpstreamThroughTheOpenRoute(String path) {
        TestBrowser.Response response = alice.get(harness.url(APP, path));

        assertThat(response.status()).as("judged by the /admin route").isEqualTo(403);
        assertThat(response.json().getJsonArray("reasons").getList()).contains("email-unauthorized");
        harness.upstream.assertReceivedNothing();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/profile/../admin/users", "/./admin", "/profile/%2e%2e/admin", "/profile/%2E./admin",
        "/profile/..", "/profile%2F..%2Fadmin", "/profile%5C..%5Cadmin", "/profile/..;/admin", "/..;/admin",
        "/profile/.;x=1/admin"})
    void pathsWithDotSegmentsOrEncodedSeparatorsAreRefused(String path) {
        TestBrowser.Response response = alice.get(harness.url(APP, path));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().getString("error")).isEqualTo("bad_request");
        harness.upstream.assertReceivedNothing();
    }

    /** The upstream saw the gateway's own identity headers for alice and no forged value anywhere. */
    private void assertSignedByTheGatewayOnly(Received received) {
        assertThat(received.headers().entries()).as("headers the upstream received")
                .noneMatch(e -> e.getValue().contains(FORGED));
        JWTClaimsSet claims = AssertionVerifier.verify(received.header("X-Gatehouse-Jwt-Assertion"),
                harness.jwks(APP), APP);
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(received.headers().getAll("X-Gatehouse-Claim-Email")).containsExactly("alice@acme.test");
        assertThat(received.headers().getAll("X-Gatehouse-Claim-Sub")).containsExactly("alice");
        assertThat(received.headers().getAll("X-Gatehouse-Claim-Groups")).containsExactly("staff");
        assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.header("X-Forwarded-Host")).isEqualTo(APP + ":" + harness.port());
        assertThat(received.headers().contains("X-Serverless-Authorization")).isFalse();
    }
}
