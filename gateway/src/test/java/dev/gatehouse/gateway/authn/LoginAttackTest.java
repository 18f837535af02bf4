package dev.gatehouse.gateway.authn;

import static dev.gatehouse.gateway.authn.GatewayFixture.APP;
import static dev.gatehouse.gateway.authn.GatewayFixture.CLIENT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.gatehouse.core.crypto.Tokens;
import dev.gatehouse.gateway.harness.FakeIdp;
import dev.gatehouse.gateway.session.SessionCookie;
import dev.gatehouse.testkit.oidc.FakeOidcProvider;
import dev.gatehouse.testkit.oidc.IssuedIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sign-in attacks: every one ends on a clear error page and without a session. */
@ExtendWith(FakeIdp.class)
class LoginAttackTest {

    private GatewayFixture gateway;

    @BeforeEach
    void startGateway(FakeOidcProvider provider) {
        gateway = GatewayFixture.start(provider);
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Test
    void aForgedStateIsRefused() {
        TestBrowser browser = gateway.browser();
        callbackUrl(browser);

        TestBrowser.Response response = browser.get(gateway.url(APP, "/.gatehouse/callback?code=anything&state="
                + Tokens.random(32)));

        assertRefused(browser, response, 400, "unknown, has expired, or was already used");
    }

    @Test
    void aReplayedCallbackIsRefused() {
        TestBrowser browser = gateway.browser();
        String callback = callbackUrl(browser);
        assertThat(browser.get(callback).status()).isEqualTo(302);
        String session = browser.cookie(APP, SessionCookie.NAME).value();

        TestBrowser.Response replayed = browser.get(callback);

        assertThat(replayed.status()).isEqualTo(400);
        assertThat(replayed.body()).contains("already used");
        assertThat(browser.cookie(APP, SessionCookie.NAME).value()).isEqualTo(session);
    }

    @Test
    void aReplayedCodeWithAFreshStateIsRefusedByTheIdp() {
        TestBrowser browser = gateway.browser();
        String first = callbackUrl(browser);
        browser.get(first);
        String session = browser.cookie(APP, SessionCookie.NAME).value();
        String usedCode = LoginFlowTest.query(URI.create(first)).get("code");

        TestBrowser other = gateway.browser();
        String freshState = LoginFlowTest.query(URI.create(callbackUrl(other))).get("state");
        TestBrowser.Response response = other.get(gateway.url(APP, "/.gatehouse/callback?code=" + usedCode
                + "&state=" + freshState));

        assertRefused(other, response, 400, "did not accept this sign-in");
        assertThat(browser.cookie(APP, SessionCookie.NAME).value()).isEqualTo(session);
    }

    @Test
    void aCallbackCarriedToAnotherBrowserIsRefused() {
        String callback = callbackUrl(gateway.browser());
        TestBrowser victim = gateway.browser();

        TestBrowser.Response response = victim.get(callback);

        assertRefused(victim, response, 400, "started in another browser");
    }

    @Test
    void aSessionIdPlantedBeforeSignInIsNeverAdopted() {
        gateway.signInAs().subject("alice");
        String planted = Tokens.random(32);
        TestBrowser browser = gateway.browser();
        browser.putCookie(APP, SessionCookie.NAME, planted);

        assertThat(browser.navigate(gateway.url(APP, "/")).status()).isEqualTo(200);

        assertThat(browser.cookie(APP, SessionCookie.NAME).value()).isNotEqualTo(planted);
        TestBrowser attacker = gateway.browser().header("Accept", "application/json");
        attacker.putCookie(APP, SessionCookie.NAME, planted);
        assertThat(attacker.get(gateway.url(APP, "/")).status()).isEqualTo(401);
    }

    @Test
    void aSignInThatSatTooLongIsRefused() {
        TestBrowser browser = gateway.browser();
        String callback = callbackUrl(browser);
        gateway.clock.advance(LoginCookie.LIFETIME.plusMinutes(1));

        assertRefused(browser, browser.get(callback), 400, "has expired");
    }

    @Test
    void anIdpErrorIsShownWithoutASession() {
        TestBrowser browser = gateway.browser();
        String state = LoginFlowTest.query(URI.create(callbackUrl(browser))).get("state");

        TestBrowser.Response response = browser.get(gateway.url(APP, "/.gatehouse/callback?error=access_denied&state="
                + state));

        assertRefused(browser, response, 403, "access_denied");
    }

    @Test
    void anIdTokenWithAnotherNonceIsRefused() {
        gateway.signInAs().subject("mallory").claim("nonce", "replayed-from-another-login");

        assertRefused(gateway.browser(), 400, "nonce");
    }

    @Test
    void anIdTokenForAnotherClientIsRefused() {
        gateway.signInAs().subject("mallory").claim("aud", "some-other-client");

        assertRefused(gateway.browser(), 400, "audience");
    }

    @Test
    void severalAudiencesNeedThisClientAsAuthorizedParty() {
        gateway.signInAs().subject("mallory").claim("aud", List.of(CLIENT_ID, "some-other-client"));
        assertRefused(gateway.browser(), 400, "authorized party");

        gateway.signInAs().subject("alice").claim("aud", List.of(CLIENT_ID, "some-other-client"))
                .claim("azp", CLIENT_ID);
        assertThat(gateway.browser().navigate(gateway.url(APP, "/")).status()).isEqualTo(200);
    }

    @Test
    void anIdTokenFromAnotherIssuerIsRefused() {
        gateway.signInAs().subject("mallory").claim("iss", "http://127.0.0.1:9/evil");

        assertRefused(gateway.browser(), 400, "issuer");
    }

    @Test
    void anExpiredIdTokenIsRefused() {
        gateway.signInAs().subject("alice").lifetime(Duration.ofMinutes(1));
        TestBrowser browser = gateway.browser();
        String callback = callbackUrl(browser);
        gateway.clock.advance(Duration.ofMinutes(1).plus(IdTokenVerifier.CLOCK_SKEW).plusSeconds(5));

        assertRefused(browser, browser.get(callback), 400, "expired");
    }

    @Test
    void anApiClientMayPresentTheIdpsIdTokenAsBearer() {
        String token = gateway.provider.signedToken(gateway.issuerId, CLIENT_ID,
                new IssuedIdentity().subject("robot").email("robot@acme.test"));
        TestBrowser api = gateway.browser().header("Accept", "application/json")
                .header("Authorization", "Bearer " + token);

        TestBrowser.Response response = api.get(gateway.url(APP, "/api/items"));
        TestBrowser.Response me = api.get(gateway.url(APP, "/.gatehouse/"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().getString("sub")).isEqualTo("robot");
        assertThat(response.json().getString("source")).isEqualTo("BEARER_TOKEN");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().getString("email")).isEqualTo("robot@acme.test");
        assertThat(api.cookie(APP, SessionCookie.NAME)).as("bearer access creates no session").isNull();
    }

    @Test
    void bearerTokensThatAreNotThisClientsValidIdTokensAreRefused() {
        Map<String, String> tokens = Map.of(
                "another audience", gateway.provider.signedToken(gateway.issuerId, "some-other-client", robot()),
                "another issuer claimed", gateway.provider.signedToken(gateway.issuerId, CLIENT_ID,
                        robot().claim("iss", "http://127.0.0.1:9/evil")),
                "signed by another issuer's key", gateway.provider.signedToken(gateway.otherIssuerId, CLIENT_ID,
                        robot().claim("iss", gateway.issuer())),
                "expired", gateway.provider.signedToken(gateway.issuerId, CLIENT_ID,
                        robot().lifetime(Duration.ofMinutes(1))),
                "not a JWT", "not-a-token",
                "unsigned", unsigned(gateway.issuer()));
        gateway.clock.advance(Duration.ofMinutes(5));

        tokens.forEach((what, token) -> {
            TestBrowser.Response response = gateway.browser().header("Accept", "application/json")
                    .header("Authorization", "Bearer " + token).get(gateway.url(APP, "/api/items"));
            assertThat(response.status()).as(what).isEqualTo(401);
            assertThat(response.json().getString("error")).as(what).isEqualTo("unauthenticated");
        });
    }

    private static IssuedIdentity robot() {
        return new IssuedIdentity().subject("robot");
    }

    private static String unsigned(String issuer) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String payload = encoder.encodeToString(("{\"iss\":\"" + issuer + "\",\"aud\":\"" + CLIENT_ID
                + "\",\"sub\":\"robot\",\"exp\":9999999999}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    /** Starts a sign-in on the app hostname and returns the IdP's redirect back, not yet followed. */
    private String callbackUrl(TestBrowser browser) {
        String next = browser.get(gateway.url(APP, "/")).location();
        for (int i = 0; i < 5; i++) {
            if (next.startsWith(gateway.url(APP, "/.gatehouse/callback?"))) {
                return next;
            }
            next = browser.get(next).location();
        }
        throw new AssertionError("no callback reached");
    }

    private void assertRefused(TestBrowser browser, int status, String message) {
        assertRefused(browser, browser.navigate(gateway.url(APP, "/")), status, message);
    }

    private static void assertRefused(TestBrowser browser, TestBrowser.Response response, int status, String message) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.headers().get("Content-Type")).startsWith("text/html");
        assertThat(response.body()).contains(message);
        assertThat(browser.cookie(APP, SessionCookie.NAME)).as("no session").isNull();
    }
}
