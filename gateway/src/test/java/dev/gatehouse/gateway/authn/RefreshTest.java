package dev.gatehouse.gateway.authn;

import static dev.gatehouse.gateway.authn.GatewayFixture.APP;
import static dev.gatehouse.gateway.authn.GatewayFixture.DOCS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import dev.gatehouse.gateway.harness.FakeIdp;
import dev.gatehouse.gateway.session.Session;
import dev.gatehouse.gateway.session.SessionStore;
import dev.gatehouse.testkit.oidc.FakeOidcProvider;
import dev.gatehouse.testkit.oidc.IssuedIdentity;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sessions outlive their first ID token through the refresh token; the IdP's answer is checked like a sign-in. */
@ExtendWith(FakeIdp.class)
class RefreshTest {

    private GatewayFixture gateway;
    private IssuedIdentity alice;

    @BeforeEach
    void startGateway(FakeOidcProvider provider) {
        gateway = GatewayFixture.start(provider);
        alice = gateway.signInAs().subject("alice").groups("staff").lifetime(Duration.ofMinutes(1));
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Test
    void anExpiredIdTokenIsRefreshedAndTheSessionTakesTheNewClaims() {
        TestBrowser browser = gateway.browser();
        browser.navigate(gateway.url(APP, "/"));
        assertThat(whoAmI(browser, APP).getJsonArray("groups").getList()).containsExactly("staff");

        alice.groups("staff", "admins").lifetime(Duration.ofHours(1));
        gateway.clock.advance(Duration.ofMinutes(2));

        assertThat(whoAmI(browser, APP).getJsonArray("groups").getList()).containsExactly("staff", "admins");
        assertThat(alice.grantTypes()).containsExactly("authorization_code", "refresh_token");
        assertThat(whoAmI(browser, APP).getString("sub")).isEqualTo("alice");
        assertThat(alice.grantTypes()).as("fresh again: no second refresh")
                .containsExactly("authorization_code", "refresh_token");
    }

    @Test
    void aHandedOffSessionTakesItsPrimarysRefreshedIdentity() {
        TestBrowser browser = gateway.browser();
        browser.navigate(gateway.url(APP, "/"));
        browser.navigate(gateway.url(DOCS, "/"));

        alice.groups("auditors").lifetime(Duration.ofHours(1));
        gateway.clock.advance(Duration.ofMinutes(2));

        assertThat(whoAmI(browser, DOCS).getJsonArray("groups").getList()).containsExactly("auditors");
        assertThat(alice.grantTypes()).containsExactly("authorization_code", "refresh_token");
        assertThat(whoAmI(browser, APP).getJsonArray("groups").getList()).containsExactly("auditors");
    }

    @Test
    void aRefreshNamingAnotherUserEndsTheLoginOnEveryHostname() {
        TestBrowser browser = gateway.browser();
        browser.navigate(gateway.url(APP, "/"));
        browser.navigate(gateway.url(DOCS, "/"));
        browser.header("Accept", "application/json");

        alice.subject("mallory").lifetime(Duration.ofHours(1));
        gateway.clock.advance(Duration.ofMinutes(2));

        assertThat(browser.get(gateway.url(DOCS, "/")).status()).isEqualTo(401);
        assertThat(browser.get(gateway.url(APP, "/")).status()).isEqualTo(401);
    }

    @Test
    void aLoginRevokedWhileItsRefreshWaitsForTheIdpStaysEnded() {
        TestBrowser browser = gateway.browser();
        browser.navigate(gateway.url(APP, "/"));
        browser.navigate(gateway.url(DOCS, "/"));
        SessionStore sessions = gateway.options.sessions();
        List<Session> live = TestBrowser.await(sessions.listTenant(gateway.acme.tenant().id()));
        Session primary = live.stream().filter(Session::isPrimary).findFirst().orElseThrow();
        Session handedOff = live.stream().filter(s -> !s.isPrimary()).findFirst().orElseThrow();
        OidcClients clients = new OidcClients(gateway.vertx, gateway.options.secrets(), gateway.clock);
        SessionRefresher refresher = new SessionRefresher(new RevokedMeanwhileStore(sessions), clients,
                gateway.clock);
        alice.lifetime(Duration.ofHours(1));
        gateway.clock.advance(Duration.ofMinutes(2));

        try {
            assertThat(TestBrowser.await(refresher.ensureFresh(primary, gateway.acme))).isEmpty();
            assertThat(TestBrowser.await(refresher.ensureFresh(handedOff, gateway.acme))).isEmpty();
        } finally {
            TestBrowser.await(clients.close());
        }
        assertThat(alice.grantTypes()).as("the refresh did happen").contains("refresh_token");
        assertThat(TestBrowser.await(sessions.listTenant(gateway.acme.tenant().id()))).isEmpty();
        browser.header("Accept", "application/json");
        assertThat(browser.get(gateway.url(APP, "/")).status()).isEqualTo(401);
        assertThat(browser.get(gateway.url(DOCS, "/")).status()).isEqualTo(401);
    }

    private JsonObject whoAmI(TestBrowser browser, String host) {
        TestBrowser api = browser.header("Accept", "application/json");
        TestBrowser.Response response = api.get(gateway.url(host, "/.gatehouse/"));
        api.header("Accept", "text/html");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }
}
