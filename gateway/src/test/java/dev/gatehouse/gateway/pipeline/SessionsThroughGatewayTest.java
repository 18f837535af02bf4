package dev.gatehouse.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.gateway.authn.TestBrowser;
import dev.gatehouse.gateway.harness.FakeIdp;
import dev.gatehouse.gateway.pipeline.GatewayHarness.TestTenant;
import dev.gatehouse.gateway.pipeline.GatewayHarness.User;
import dev.gatehouse.gateway.session.SessionCookie;
import dev.gatehouse.testkit.oidc.FakeOidcProvider;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin API's session list and revocation, against the sessions of the running gateway. */
@ExtendWith(FakeIdp.class)
class SessionsThroughGatewayTest {
    private static final String APP = "app.acme.test";
    private static final String DOCS = "docs.acme.test";
    private static final String SESSIONS = "/tenants/acme/sessions";

    private static GatewayHarness harness;
    private static TestTenant acme;

    @BeforeAll
    static void start(FakeOidcProvider idp) {
        harness = GatewayHarness.start(idp);
        acme = harness.createTenant("acme", APP, DOCS);
        JsonObject anyUser = new JsonObject().put("idp", GatewayHarness.IDP).put("allow_any_authenticated_user", true);
        harness.createRoute(acme, anyUser.copy().put("name", "home").put("prefix", "/"), "/");
        harness.createRoute(acme, anyUser.copy().put("name", "docs").put("from", "http://" + DOCS).put("prefix", "/"),
                "/");
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
    }

    @Test
    void aSignInOnTwoHostnamesIsListedOnceAndRevokingItEndsItEverywhere() {
        User alice = new User("alice-sso", "alice-sso@acme.test", List.of("staff"), Map.of("name", "Alice Liddell"));
        TestBrowser browser = harness.signIn(acme, APP, alice);
        assertThat(browser.navigate(harness.url(DOCS, "/guide")).status()).isEqualTo(200);
        assertThat(browser.get(harness.url(APP, "/hello")).status()).isEqualTo(200);
        String appCookie = browser.cookie(APP, SessionCookie.NAME).value();
        String docsCookie = browser.cookie(DOCS, SessionCookie.NAME).value();

        AdminClient.Reply listed = harness.admin.send(HttpMethod.GET, SESSIONS + "?user=alice-sso", null);

        assertThat(listed.status()).isEqualTo(200);
        JsonArray items = listed.body().getJsonArray("items");
        assertThat(items).hasSize(1);
        JsonObject signIn = items.getJsonObject(0);
        assertThat(signIn.getString("sub")).isEqualTo("alice-sso");
        assertThat(signIn.getString("email")).isEqualTo("alice-sso@acme.test");
        assertThat(signIn.getString("name")).isEqualTo("Alice Liddell");
        assertThat(signIn.getString("idp")).isEqualTo(GatewayHarness.IDP);
        assertThat(signIn.getJsonArray("groups")).containsExactly("staff");
        assertThat(signIn.getJsonArray("hostnames")).containsExactly(APP, DOCS);
        assertThat(signIn.getInteger("sessions")).isEqualTo(2);
        assertThat(listed.body().encode()).doesNotContain(appCookie, docsCookie);

        harness.admin.delete(SESSIONS + "/" + signIn.getString("handle"));

        TestBrowser.Response app = browser.get(harness.url(APP, "/hello"));
        assertThat(app.status()).isEqualTo(302);
        assertThat(app.location()).contains("/.gatehouse/sign_in?");
        for (Map.Entry<String, String> cookie : Map.of(APP, appCookie, DOCS, docsCookie).entrySet()) {
            TestBrowser client = harness.apiClient();
            client.putCookie(cookie.getKey(), SessionCookie.NAME, cookie.getValue());
            TestBrowser.Response response = client.get(harness.url(cookie.getKey(), "/api/items"));
            assertThat(response.status()).as("the revoked cookie on %s", cookie.getKey()).isEqualTo(401);
            assertThat(response.json().getString("error")).isEqualTo("unauthenticated");
        }
        harness.upstream.forget();
        assertThat(harness.admin.send(HttpMethod.GET, SESSIONS + "?user=alice-sso", null).body()
                .getJsonArray("items")).isEmpty();
        assertThat(harness.admin.send(HttpMethod.DELETE, SESSIONS + "/" + signIn.getString("handle"), null).status())
                .isEqualTo(404);
        JsonObject audit = harness.admin.send(HttpMethod.GET, "/tenants/acme/audit", null).body()
                .getJsonArray("items").getJsonObject(0);
        assertThat(audit.getString("action") + " " + audit.getString("resource_type") + " "
                + audit.getString("resource_name")).isEqualTo("revoke session " + signIn.getString("handle"));
        assertThat(audit.encode()).doesNotContain(appCookie, docsCookie);
    }

    @Test
    void revokingOneUserLeavesAnotherSignedIn() {
        User alice = User.alice();
        TestBrowser aliceBrowser = harness.signIn(acme, APP, alice);
        TestBrowser bobBrowser = harness.signIn(acme, APP, new User("bob", "bob@acme.test", List.of(), Map.of()));
        assertThat(bobBrowser.get(harness.url(APP, "/hello")).status()).isEqualTo(200);

        harness.admin.delete(SESSIONS + "?user=bob%40acme.test");

        assertThat(bobBrowser.get(harness.url(APP, "/hello")).status()).isEqualTo(302);
        assertThat(aliceBrowser.get(harness.url(APP, "/hello")).status()).isEqualTo(200);
        assertThat(aliceBrowser.navigate(harness.url(DOCS, "/guide")).status()).isEqualTo(200);
        JsonArray left = harness.admin.send(HttpMethod.GET, SESSIONS + "?user=" + alice.sub(), null).body()
                .getJsonArray("items");
        assertThat(left).isNotEmpty();
        assertThat(harness.admin.send(HttpMethod.GET, SESSIONS + "?user=bob", null).body().getJsonArray("items"))
                .isEmpty();
        harness.upstream.forget();
    }
}
