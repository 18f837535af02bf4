package dev.gatehouse.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.gatehouse.gateway.authn.TestBrowser;
import dev.gatehouse.gateway.browser.ChromiumExtension;
import dev.gatehouse.gateway.browser.IdpLoginForm;
import dev.gatehouse.gateway.pipeline.GatewayHarness.TestTenant;
import dev.gatehouse.gateway.pipeline.RecordingUpstream.Received;
import dev.gatehouse.gateway.session.SessionCookie;
import dev.gatehouse.testkit.oidc.FakeOidcProvider;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Signing in through the assembled gateway in headless Chromium: the IdP's login form typed into, redirects, cookies
 * and pages as a person's browser handles them.
 */
class LoginInChromiumTest {
    private static final String APP = "app.acme.localhost";
    private static final String DOCS = "docs.acme.localhost";
    private static final String ALICE = "alice@example.com";
    private static final String ALICE_CLAIMS = "{\"email\": \"alice@example.com\", \"groups\": [\"staff\"]}";

    /** Registered first: without Chromium the class is skipped before the harness starts. */
    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    private static FakeOidcProvider idp;
    private static GatewayHarness harness;
    private static TestTenant acme;

    private Page page;

    @BeforeAll
    static void start() {
        idp = FakeOidcProvider.startWithLoginForm();
        harness = GatewayHarness.start(idp);
        acme = harness.createTenant("acme", APP, DOCS);
        JsonObject anyUser = new JsonObject().put("idp", GatewayHarness.IDP).put("allow_any_authenticated_user", true);
        harness.createRoute(acme, new JsonObject().put("name", "admin").put("prefix", "/admin")
                .put("idp", GatewayHarness.IDP).put("policy", new JsonArray().add(new JsonObject().put("allow",
                        new JsonObject().put("and", new JsonArray().add(new JsonObject().put("email",
                                new JsonObject().put("is", "admin@example.com"))))))), "/admin");
        harness.createRoute(acme, anyUser.copy().put("name", "home").put("prefix", "/"), "/");
        harness.createRoute(acme, anyUser.copy().put("name", "docs").put("from", "http://" + DOCS).put("prefix", "/"),
                "/");
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
        idp.close();
    }

    @BeforeEach
    void freshPage() {
        page = chromium.page();
        harness.upstream.forget();
    }

    @Test
    void aProtectedPageSendsTheBrowserToTheIdpsFormAndBackToThePageItAskedFor() throws Exception {
        String report = harness.url(APP, "/reports/q3?year=2026&format=full");

        page.navigate(report);

        assertThat(page.url()).startsWith(acme.issuer() + "/authorize?");
        new IdpLoginForm(page).userName().waitFor();
        harness.upstream.assertReceivedNothing();

        new IdpLoginForm(page).signIn(ALICE, ALICE_CLAIMS);
        page.waitForURL(report);

        assertThat(page.url()).isEqualTo(report);
        assertThat(page.locator("body").innerText()).isEqualTo(RecordingUpstream.BODY);
        Received received = harness.upstream.next();
        assertThat(received.uri()).isEqualTo("/acme/reports/q3?year=2026&format=full");
        JWTClaimsSet claims = AssertionVerifier.verify(received.header("X-Gatehouse-Jwt-Assertion"),
                harness.jwks(APP), APP);
        assertThat(claims.getSubject()).isEqualTo(ALICE);
        assertThat(claims.getStringClaim("email")).isEqualTo(ALICE);
        assertThat(claims.getStringListClaim("groups")).containsExactly("staff");
    }

    @Test
    void theTenantsOtherHostnameOpensWithoutAnotherSignIn() throws Exception {
        signInAsAlice();
        List<String> requested = new ArrayList<>();
        page.onRequest((Request request) -> requested.add(request.url()));

        String guide = harness.url(DOCS, "/guide?chapter=2");
        Response answer = page.navigate(guide);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(page.url()).isEqualTo(guide);
        assertThat(page.locator("body").innerText()).isEqualTo(RecordingUpstream.BODY);
        assertThat(requested).as("the handoff went through the gateway only, never the IdP")
                .noneMatch(url -> url.startsWith(acme.issuer()))
                .anyMatch(url -> url.startsWith(harness.url(DOCS, "/.gatehouse/handoff?")));
        Received received = harness.upstream.next();
        assertThat(received.uri()).isEqualTo("/acme/guide?chapter=2");
        JWTClaimsSet claims = AssertionVerifier.verify(received.header("X-Gatehouse-Jwt-Assertion"),
                harness.jwks(DOCS), DOCS);
        assertThat(claims.getSubject()).isEqualTo(ALICE);
    }

    @Test
    void aRouteAliceMayNotUseShowsTheAccessDeniedPageWithItsReasonAndRequestId() {
        signInAsAlice();

        Response answer = page.navigate(harness.url(APP, "/admin/settings"));

        assertThat(answer.status()).isEqualTo(403);
        String requestId = answer.headerValue("x-request-id");
        assertThat(requestId).isNotBlank();
        assertThat(page.title()).isEqualTo("Access denied");
        String shown = page.locator("main").innerText();
        assertThat(shown).contains("Access denied 403")
                .contains("You are signed in, but you are not allowed to reach this page.")
                .contains("email-unauthorized")
                .contains("If you think you should have access, contact it-help@acme.test.")
                .contains("Request id: " + requestId);
        harness.upstream.assertReceivedNothing();
    }

    @Test
    void afterSigningOutTheNextVisitGoesBackToTheIdpsForm() {
        signInAsAlice();
        page.navigate(harness.url(DOCS, "/guide"));
        assertThat(page.url()).isEqualTo(harness.url(DOCS, "/guide"));

        page.navigate(harness.url(APP, "/.gatehouse/sign_out"));

        assertThat(page.url()).isEqualTo(harness.url(APP, "/.gatehouse/signed_out"));
        assertThat(page.locator("body").innerText()).contains("You are signed out of ACME Inc.");
        assertThat(chromium.context().cookies()).noneMatch(cookie -> cookie.name.equals(SessionCookie.NAME)
                && cookie.domain.equals(APP));
        harness.upstream.forget();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in again")).click();
        new IdpLoginForm(page).userName().waitFor();
        assertThat(page.url()).startsWith(acme.issuer() + "/authorize?");

        page.navigate(harness.url(DOCS, "/guide"));
        new IdpLoginForm(page).userName().waitFor();
        assertThat(page.url()).as("the other hostname's session ended too").startsWith(acme.issuer() + "/authorize?");
        harness.upstream.assertReceivedNothing();
    }

    @Test
    void theSessionCookieIsHttpOnlySameSiteLaxAndHostOnly() {
        signInAsAlice();
        page.navigate(harness.url(DOCS, "/guide"));

        List<Cookie> sessions = chromium.context().cookies().stream()
                .filter(cookie -> cookie.name.equals(SessionCookie.NAME)).toList();

        assertThat(sessions).extracting(cookie -> cookie.domain).as("one cookie per hostname, no Domain attribute")
                .containsExactlyInAnyOrder(APP, DOCS);
        assertThat(sessions).allSatisfy(cookie -> {
            assertThat(cookie.httpOnly).isTrue();
            assertThat(cookie.sameSite).isEqualTo(SameSiteAttribute.LAX);
            assertThat(cookie.path).isEqualTo("/");
        });
        assertThat(chromium.context().cookies(harness.url("other.acme.localhost", "/"))).isEmpty();
        assertThat(page.evaluate("document.cookie")).as("scripts cannot read it").isEqualTo("");
    }

    /** Signs in on APP through the IdP's form, ending on the gateway's who-am-I page. */
    private void signInAsAlice() {
        String whoAmI = harness.url(APP, "/.gatehouse/");
        page.navigate(whoAmI);
        new IdpLoginForm(page).signIn(ALICE, ALICE_CLAIMS);
        page.waitForURL(whoAmI);
        assertThat(page.locator("body").innerText()).contains(ALICE);
    }
}
