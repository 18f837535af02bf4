package dev.gatehouse.gateway.authn;

import static dev.gatehouse.gateway.authn.GatewayFixture.APP;
import static dev.gatehouse.gateway.authn.GatewayFixture.DOCS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.gatehouse.gateway.harness.FakeIdp;
import dev.gatehouse.gateway.session.Session;
import dev.gatehouse.gateway.session.SessionCookie;
import dev.gatehouse.testkit.oidc.FakeOidcProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FakeIdp.class)
class HandoffRaceTest {

    private EndedDuringHandoffStore sessions;
    private GatewayFixture gateway;

    @BeforeEach
    void startGateway(FakeOidcProvider provider) {
        gateway = GatewayFixture.start(provider, store -> sessions = new EndedDuringHandoffStore(store));
        gateway.signInAs().subject("alice").email("alice@acme.test");
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Test
    void aSignInEndedWhileItsHandoffIsExchangedGetsNoNewSession() {
        TestBrowser browser = gateway.browser();
        assertThat(browser.navigate(gateway.url(APP, "/")).status()).isEqualTo(200);
        TestBrowser.Response issued = browser.get(gateway.url(APP, "/.gatehouse/sign_in?idp=main&return_to="
                + LoginUrls.encode(gateway.url(DOCS, "/page"))));
        assertThat(issued.location()).startsWith(gateway.url(DOCS, "/.gatehouse/handoff?token="));
        Session primary = onlySession();
        sessions.endLoginAfterReading(primary.id());

        TestBrowser.Response exchanged = browser.get(issued.location());

        assertThat(exchanged.status()).isEqualTo(400);
        assertThat(exchanged.body()).contains("has ended");
        assertThat(browser.cookie(DOCS, SessionCookie.NAME)).isNull();
        assertThat(TestBrowser.await(sessions.listTenant(gateway.acme.tenant().id())))
                .as("no session of the ended sign-in is left").isEmpty();
        browser.header("Accept", "application/json");
        assertThat(browser.get(gateway.url(DOCS, "/page")).status()).isEqualTo(401);
    }

    private Session onlySession() {
        List<Session> live = TestBrowser.await(sessions.listTenant(gateway.acme.tenant().id()));
        assertThat(live).hasSize(1);
        return live.get(0);
    }
}
