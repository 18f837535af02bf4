package dev.gatehouse.gateway.authn;

import static dev.gatehouse.gateway.authn.GatewayFixture.APP;
import static dev.gatehouse.gateway.authn.GatewayFixture.CLIENT_ID;
import static dev.gatehouse.gateway.authn.GatewayFixture.DOCS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import dev.gatehouse.gateway.harness.FakeIdp;
import dev.gatehouse.gateway.session.SessionCookie;
import dev.gatehouse.testkit.oidc.FakeOidcProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FakeIdp.class)
class SignOutTest {

    private GatewayFixture gateway;

    @BeforeEach
    void startGateway(FakeOidcProvider provider) {
        gateway = GatewayFixture.start(provider);
        gateway.signInAs().subject("alice");
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Test
    void signingOutOnAnyHostnameEndsTheLoginEverywhereAndContinuesAtTheIdp() {
        TestBrowser browser = gateway.browser();
        browser.navigate(gateway.url(APP, "/"));
        browser.navigate(gateway.url(DOCS, "/"));
        String appSession = browser.cookie(APP, SessionCookie.NAME).value();
        String docsSession = browser.cookie(DOCS, SessionCookie.NAME).value();

        TestBrowser.Response signOut = browser.get(gateway.url(DOCS, "/.gatehouse/sign_out"));

        assertThat(signOut.status()).isEqualTo(302);
        assertThat(signOut.location()).startsWith(gateway.issuer() + "/endsession?");
        Map<String, String> params = LoginFlowTest.query(URI.create(signOut.location()));
        assertThat(params).containsEntry("post_logout_redirect_uri", gateway.url(APP, "/.gatehouse/signed_out"))
                .containsEntry("client_id", CLIENT_ID)
                .containsKey("id_token_hint");
        assertThat(browser.cookie(DOCS, SessionCookie.NAME)).as("cookie cleared").isNull();

        TestBrowser.Response end = browser.navigate(signOut.location());
        assertThat(end.url()).isEqualTo(gateway.url(APP, "/.gatehouse/signed_out"));
        assertThat(end.status()).isEqualTo(200);
        assertThat(end.body()).contains("You are signed out of ACME Inc.</p>").doesNotContain("Inc..");

        assertWorthless(APP, appSession);
        assertWorthless(DOCS, docsSession);
    }

    @Test
    void signOutAcceptsPost() {
        TestBrowser browser = gateway.browser();
        browser.navigate(gateway.url(APP, "/"));
        String session = browser.cookie(APP, SessionCookie.NAME).value();

        TestBrowser.Response signOut = browser.post(gateway.url(APP, "/.gatehouse/sign_out"));

        assertThat(signOut.status()).isEqualTo(302);
        assertThat(signOut.location()).startsWith(gateway.issuer() + "/endsession?");
        assertWorthless(APP, session);
    }

    @Test
    void signingOutWithoutASessionJustSaysSo() {
        TestBrowser browser = gateway.browser();

        TestBrowser.Response signOut = browser.get(gateway.url(DOCS, "/.gatehouse/sign_out"));

        assertThat(signOut.status()).isEqualTo(302);
        assertThat(signOut.location()).isEqualTo(gateway.url(APP, "/.gatehouse/signed_out"));
    }

    @Test
    void signingOutEndsOnlyThatLogin() {
        TestBrowser laptop = gateway.browser();
        laptop.navigate(gateway.url(APP, "/"));
        TestBrowser phone = gateway.browser();
        phone.navigate(gateway.url(APP, "/"));

        laptop.get(gateway.url(APP, "/.gatehouse/sign_out"));

        assertThat(phone.get(gateway.url(APP, "/")).status()).isEqualTo(200);
    }

    private void assertWorthless(String host, String sessionId) {
        TestBrowser replay = gateway.browser().header("Accept", "application/json");
        replay.putCookie(host, SessionCookie.NAME, sessionId);
        assertThat(replay.get(gateway.url(host, "/")).status()).as(host).isEqualTo(401);
    }
}
