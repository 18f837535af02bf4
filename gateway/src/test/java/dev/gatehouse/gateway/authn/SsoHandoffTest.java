package dev.gatehouse.gateway.authn;

import static dev.gatehouse.gateway.authn.GatewayFixture.APP;
import static dev.gatehouse.gateway.authn.GatewayFixture.DOCS;
import static dev.gatehouse.gateway.authn.GatewayFixture.OTHER;
import static dev.gatehouse.gateway.authn.GatewayFixture.WIKI;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.gateway.harness.FakeIdp;
import dev.gatehouse.gateway.session.SessionCookie;
import dev.gatehouse.testkit.oidc.FakeOidcProvider;
import dev.gatehouse.testkit.oidc.IssuedIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FakeIdp.class)
class SsoHandoffTest {

    private GatewayFixture gateway;
    private IssuedIdentity alice;

    @BeforeEach
    void startGateway(FakeOidcProvider provider) {
        gateway = GatewayFixture.start(provider);
        alice = gateway.signInAs().subject("alice").email("alice@acme.test");
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Test
    void anotherHostnameOfTheTenantGetsItsOwnSessionWithoutAnotherLogin() {
        TestBrowser browser = gateway.browser();
        browser.navigate(gateway.url(APP, "/"));
        assertThat(alice.grantTypes()).containsExactly("authorization_code");

        TestBrowser.Response docs = browser.navigate(gateway.url(DOCS, "/guide?page=2"));

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().getString("host")).isEqualTo(DOCS);
        assertThat(docs.json().getString("sub")).isEqualTo("alice");
        assertThat(docs.url()).isEqualTo(gateway.url(DOCS, "/guide?page=2"));
        assertThat(alice.grantTypes()).as("no second sign-in at the IdP").containsExactly("authorization_code");
        String appCookie = browser.cookie(APP, SessionCookie.NAME).value();
        String docsCookie = browser.cookie(DOCS, SessionCookie.NAME).value();
        assertThat(docsCookie).hasSize(43).isNotEqualTo(appCookie);
        assertThat(browser.cookie(DOCS, SessionCookie.NAME).setCookie()).doesNotContain("Domain");
    }

    @Test
    void signingInFromAnotherHostnameLogsInOnTheAuthenticateHostnameAndComesBack() {
        TestBrowser browser = gateway.browser();

        TestBrowser.Response first = browser.get(gateway.url(DOCS, "/start"));
        assertThat(first.location()).startsWith(gateway.url(APP, "/.gatehouse/sign_in?"));
        TestBrowser.Response end = browser.navigate(first.location());

        assertThat(end.status()).isEqualTo(200);
        assertThat(end.url()).isEqualTo(gateway.url(DOCS, "/start"));
        assertThat(browser.visited()).anyMatch(url -> url.startsWith(gateway.url(APP, "/.gatehouse/callback?")));
        assertThat(browser.visited()).anyMatch(url -> url.startsWith(gateway.url(DOCS, "/.gatehouse/handoff?token=")));
        assertThat(browser.cookie(APP, SessionCookie.NAME)).isNotNull();
        assertThat(browser.cookie(DOCS, SessionCookie.NAME)).isNotNull();
    }

    @Test
    void aHandoffWorksOnceOnly() {
        TestBrowser browser = signedIn();
        String handoff = handoffTo(browser, DOCS, "/page");

        TestBrowser.Response used = browser.get(handoff);
        assertThat(used.status()).isEqualTo(302);
        assertThat(used.location()).isEqualTo(gateway.url(DOCS, "/page"));

        TestBrowser thief = gateway.browser();
        TestBrowser.Response replayed = thief.get(handoff);
        assertThat(replayed.status()).isEqualTo(400);
        assertThat(replayed.body()).contains("already used");
        assertThat(thief.cookie(DOCS, SessionCookie.NAME)).isNull();
    }

    @Test
    void anExpiredHandoffIsRefused() {
        TestBrowser browser = signedIn();
        String handoff = handoffTo(browser, DOCS, "/page");

        gateway.clock.advance(Continuation.HANDOFF_LIFETIME.plusSeconds(1));

        TestBrowser.Response response = browser.get(handoff);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("expired");
        assertThat(browser.cookie(DOCS, SessionCookie.NAME)).isNull();
    }

    @Test
    void aHandoffOpensOnlyOnTheHostnameItWasMadeFor() {
        TestBrowser browser = signedIn();
        String handoff = handoffTo(browser, DOCS, "/page");
        String token = handoff.substring(handoff.indexOf("token=") + 6);

        TestBrowser.Response otherHost = browser.get(gateway.url(WIKI, "/.gatehouse/handoff?token=" + token));
        TestBrowser.Response otherTenant = browser.get(gateway.url(OTHER, "/.gatehouse/handoff?token=" + token));

        assertThat(otherHost.status()).isEqualTo(400);
        assertThat(otherHost.body()).contains("not valid for this site");
        assertThat(otherTenant.status()).isEqualTo(400);
        assertThat(browser.cookie(WIKI, SessionCookie.NAME)).isNull();
        assertThat(browser.cookie(OTHER, SessionCookie.NAME)).isNull();
        assertThat(browser.get(handoff).status()).as("still unused on its own hostname").isEqualTo(302);
    }

    @Test
    void aTamperedHandoffIsRefused() {
        TestBrowser browser = signedIn();
        String handoff = handoffTo(browser, DOCS, "/page");
        int at = handoff.indexOf("token=") + 20;
        char flipped = handoff.charAt(at) == 'A' ? 'B' : 'A';

        TestBrowser.Response response = browser.get(handoff.substring(0, at) + flipped + handoff.substring(at + 1));

        assertThat(response.status()).isEqualTo(400);
        assertThat(browser.cookie(DOCS, SessionCookie.NAME)).isNull();
    }

    @Test
    void returnUrlsOffTheTenantNeverGetAHandoffOrARedirect() {
        TestBrowser browser = signedIn();

        for (String target : new String[] {
                "/relative/path",
                gateway.url(OTHER, "/steal"),
                "https://evil.example/steal",
                "//evil.example/steal",
                "http://evil.example:" + gateway.port() + "/steal",
                "http://" + APP + ":" + gateway.port() + "@evil.example/"}) {
            TestBrowser.Response response = browser.get(gateway.url(APP, "/.gatehouse/sign_in?idp=main&return_to="
                    + LoginUrls.encode(target)));
            assertThat(response.status()).as(target).isEqualTo(302);
            assertThat(response.location()).as(target).isEqualTo(gateway.url(APP, "/"));
        }
    }

    @Test
    void aSessionCookieOfOneTenantIsWorthlessOnAnotherTenantsHostname() {
        TestBrowser browser = signedIn();
        String acmeSession = browser.cookie(APP, SessionCookie.NAME).value();

        TestBrowser attacker = gateway.browser().header("Accept", "application/json");
        attacker.putCookie(OTHER, SessionCookie.NAME, acmeSession);

        assertThat(attacker.get(gateway.url(OTHER, "/")).status()).isEqualTo(401);
        assertThat(attacker.get(gateway.url(OTHER, "/.gatehouse/")).status()).isEqualTo(401);
        attacker.putCookie(APP, SessionCookie.NAME, acmeSession);
        assertThat(attacker.get(gateway.url(APP, "/")).status()).as("control: valid on its own tenant")
                .isEqualTo(200);
    }

    @Test
    void aHandoffForASessionThatEndedIsRefused() {
        TestBrowser browser = signedIn();
        String handoff = handoffTo(browser, DOCS, "/page");
        browser.get(gateway.url(APP, "/.gatehouse/sign_out"));

        TestBrowser.Response response = browser.get(handoff);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("has ended");
    }

    private TestBrowser signedIn() {
        TestBrowser browser = gateway.browser();
        assertThat(browser.navigate(gateway.url(APP, "/")).status()).isEqualTo(200);
        return browser;
    }

    /** The handoff URL the authenticate hostname issues for a signed-in browser going to {@code host}. */
    private String handoffTo(TestBrowser browser, String host, String path) {
        TestBrowser.Response response = browser.get(gateway.url(APP, "/.gatehouse/sign_in?idp=main&return_to="
                + LoginUrls.encode(gateway.url(host, path))));
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.location()).startsWith(gateway.url(host, "/.gatehouse/handoff?token="));
        return response.location();
    }
}
