package dev.gatehouse.gateway.pipeline;

import static dev.gatehouse.gateway.pipeline.GatewayHarness.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.gatehouse.gateway.authn.TestBrowser;
import dev.gatehouse.gateway.harness.FakeIdp;
import dev.gatehouse.gateway.pipeline.GatewayHarness.TestTenant;
import dev.gatehouse.gateway.pipeline.GatewayHarness.User;
import dev.gatehouse.gateway.pipeline.RecordingUpstream.Received;
import dev.gatehouse.testkit.oidc.FakeOidcProvider;
import dev.gatehouse.testkit.oidc.IssuedIdentity;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Signing in through the assembled gateway, and what the upstream then receives. */
@ExtendWith(FakeIdp.class)
class LoginThroughGatewayTest {
    private static final String APP = "app.acme.test";
    private static final String DOCS = "docs.acme.test";

    private static GatewayHarness harness;
    private static TestTenant acme;

    @BeforeAll
    static void start(FakeOidcProvider idp) {
        harness = GatewayHarness.start(idp);
        acme = harness.createTenant("acme", APP, DOCS);
        JsonObject anyUser = new JsonObject().put("idp", GatewayHarness.IDP).put("allow_any_authenticated_user", true);
        harness.createRoute(acme, anyUser.copy().put("name", "with-claims").put("prefix", "/with-claims")
                .put("pass_identity_headers", true), "/with-claims");
        harness.createRoute(acme, new JsonObject().put("name", "public").put("prefix", "/public")
                .put("allow_public_unauthenticated_access", true), "/public");
        harness.createRoute(acme, anyUser.copy().put("name", "home").put("prefix", "/"), "/");
        harness.createRoute(acme, anyUser.copy().put("name", "docs").put("from", "http://" + DOCS).put("prefix", "/"),
                "/");
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        harness.upstream.forget();
    }

    @Test
    void aBrowserIsSentToTheIdpAndComesBackSignedInToThePageItAskedFor() {
        User.alice().issue(harness.idp.signInAs(acme.issuerId()));
        TestBrowser browser = harness.browser();
        String page = harness.url(APP, "/hello?x=1");

        TestBrowser.Response first = browser.get(page);
        assertThat(first.status()).isEqualTo(302);
        assertThat(first.location()).isEqualTo(harness.url(APP, "/.gatehouse/sign_in?idp=main&return_to=" + encode(page)));
        harness.upstream.assertReceivedNothing();

        TestBrowser.Response end = browser.navigate(first.location());

        assertThat(browser.visited()).anyMatch(url -> url.startsWith(acme.issuer() + "/authorize?"))
                .anyMatch(url -> url.startsWith(harness.url(APP, "/.gatehouse/callback?")));
        assertThat(end.status()).isEqualTo(200);
        assertThat(end.url()).isEqualTo(page);
        assertThat(end.body()).isEqualTo(RecordingUpstream.BODY);
        Received received = harness.upstream.next();
        assertThat(received.uri()).isEqualTo("/acme/hello?x=1");
        assertThat(received.header("Cookie")).as("the gateway's cookies stay with the gateway").isNull();
        assertThat(received.header("X-Forwarded-Host")).isEqualTo(APP + ":" + harness.port());
        assertThat(received.header("X-Request-Id")).isEqualTo(end.headers().get("X-Request-Id"));
    }

    @Test
    void theUpstreamGetsASignedAssertionThatVerifiesAgainstTheHostsJwks() throws Exception {
        TestBrowser alice = harness.signIn(acme, APP, User.alice());

        assertThat(alice.get(harness.url(APP, "/hello")).status()).isEqualTo(200);

        Received received = harness.upstream.next();
        JWTClaimsSet claims = AssertionVerifier.verify(received.header("X-Gatehouse-Jwt-Assertion"),
                harness.jwks(APP), APP);
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getStringClaim("email")).isEqualTo("alice@acme.test");
        assertThat(claims.getStringListClaim("groups")).containsExactly("staff");
        assertThat(received.headers().names()).as("no claim headers without pass_identity_headers")
                .noneMatch(name -> name.toLowerCase().startsWith("x-gatehouse-claim-"));
    }

    @Test
    void claimHeadersArePassedOnlyWhereTheRouteAsksForThem() {
        TestBrowser alice = harness.signIn(acme, APP, new User("alice", "alice@acme.test",
                List.of("staff", "eng"), Map.of()));

        assertThat(alice.get(harness.url(APP, "/with-claims/page")).status()).isEqualTo(200);

        Received received = harness.upstream.next();
        assertThat(received.uri()).isEqualTo("/acme/with-claims/page");
        assertThat(received.header("X-Gatehouse-Claim-Email")).isEqualTo("alice@acme.test");
        assertThat(received.header("X-Gatehouse-Claim-Sub")).isEqualTo("alice");
        assertThat(received.header("X-Gatehouse-Claim-Groups")).isEqualTo("staff,eng");
        AssertionVerifier.verify(received.header("X-Gatehouse-Jwt-Assertion"), harness.jwks(APP), APP);
    }

    @Test
    void signingInOnceCoversTheTenantsOtherHostnameThroughTheHandoff() {
        TestBrowser alice = harness.signIn(acme, APP, User.alice());
        int signedInAfter = alice.visited().size();

        TestBrowser.Response docs = alice.navigate(harness.url(DOCS, "/guide"));

        List<String> handoffTrip = alice.visited().subList(signedInAfter, alice.visited().size());
        assertThat(handoffTrip).as("no second visit to the IdP")
                .noneMatch(url -> url.startsWith(acme.issuer()))
                .anyMatch(url -> url.startsWith(harness.url(DOCS, "/.gatehouse/handoff?token=")));
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.url()).isEqualTo(harness.url(DOCS, "/guide"));
        Received received = harness.upstream.next();
        assertThat(received.uri()).isEqualTo("/acme/guide");
        JWTClaimsSet claims = AssertionVerifier.verify(received.header("X-Gatehouse-Jwt-Assertion"),
                harness.jwks(DOCS), DOCS);
        assertThat(claims.getSubject()).isEqualTo("alice");
    }

    @Test
    void signingOutEndsTheSessionOnEveryHostnameAndNothingMoreIsProxied() {
        TestBrowser alice = harness.signIn(acme, APP, User.alice());
        assertThat(alice.navigate(harness.url(DOCS, "/guide")).status()).isEqualTo(200);
        harness.upstream.next();

        TestBrowser.Response signOut = alice.get(harness.url(APP, "/.gatehouse/sign_out"));

        assertThat(signOut.status()).isEqualTo(302);
        assertThat(signOut.location()).startsWith(acme.issuer());
        assertThat(alice.get(harness.url(APP, "/hello")).status()).isEqualTo(302);
        assertThat(alice.get(harness.url(DOCS, "/guide")).status()).isEqualTo(302);
        harness.upstream.assertReceivedNothing();
    }

    @Test
    void anApiClientWithoutASessionGets401WithTheLoginUrl() {
        TestBrowser.Response response = harness.apiClient().get(harness.url(APP, "/api/items"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers().get("Content-Type")).startsWith("application/json");
        assertThat(response.json().getString("error")).isEqualTo("unauthenticated");
        assertThat(response.json().getString("login_url")).isEqualTo(harness.url(APP,
                "/.gatehouse/sign_in?idp=main&return_to=" + encode(harness.url(APP, "/api/items"))));
        harness.upstream.assertReceivedNothing();
    }

    @Test
    void aBearerIdTokenFromTheTenantsIdpIsAccepted() throws Exception {
        IssuedIdentity robot = new IssuedIdentity().subject("robot-7").email("robot@acme.test").groups("bots");
        String token = harness.idp.signedToken(acme.issuerId(), acme.clientId(), robot);

        TestBrowser.Response response = harness.apiClient().header("Authorization", "Bearer " + token)
                .get(harness.url(APP, "/api/items"));

        assertThat(response.status()).isEqualTo(200);
        JWTClaimsSet claims = AssertionVerifier.verify(harness.upstream.next().header("X-Gatehouse-Jwt-Assertion"),
                harness.jwks(APP), APP);
        assertThat(claims.getSubject()).isEqualTo("robot-7");
        assertThat(claims.getStringListClaim("groups")).containsExactly("bots");
    }

    @Test
    void aBearerTokenForAnotherClientIsRefused() {
        String token = harness.idp.signedToken(acme.issuerId(), "someone-elses-client",
                new IssuedIdentity().subject("mallory"));

        TestBrowser.Response response = harness.apiClient().header("Authorization", "Bearer " + token)
                .get(harness.url(APP, "/api/items"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().getString("error")).isEqualTo("unauthenticated");
        harness.upstream.assertReceivedNothing();
    }

    @Test
    void aPublicRouteNeedsNoSignInAndCarriesNoIdentity() {
        TestBrowser.Response response = harness.apiClient().get(harness.url(APP, "/public/news"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(RecordingUpstream.BODY);
        Received received = harness.upstream.next();
        assertThat(received.uri()).isEqualTo("/acme/public/news");
        assertThat(received.headers().names()).noneMatch(name -> name.toLowerCase().startsWith("x-gatehouse-"));
    }
}
