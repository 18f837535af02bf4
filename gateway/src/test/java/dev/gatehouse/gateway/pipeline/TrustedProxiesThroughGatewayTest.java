package dev.gatehouse.gateway.pipeline;

import static dev.gatehouse.gateway.pipeline.GatewayHarness.encode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.gateway.authn.TestBrowser;
import dev.gatehouse.gateway.harness.FakeIdp;
import dev.gatehouse.gateway.pipeline.GatewayHarness.TestTenant;
import dev.gatehouse.gateway.pipeline.GatewayHarness.User;
import dev.gatehouse.gateway.pipeline.RecordingUpstream.Received;
import dev.gatehouse.gateway.session.SessionCookie;
import dev.gatehouse.testkit.oidc.FakeOidcProvider;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A TLS-terminating proxy in front of the gateway, played by the tests themselves: they connect from 127.0.0.1 and
 * send what nginx or a load balancer would ({@code X-Forwarded-Proto: https}, {@code X-Forwarded-For}). One gateway
 * trusts 127.0.0.1 and 10.0.0.0/8 ({@code --trusted-proxies 127.0.0.1,10.0.0.0/8}); the other has the default
 * settings and trusts nobody, so the same headers are a client's forgery there. Both serve acme on {@value #APP}:
 * {@code /office} admits only 203.0.113.0/24 ({@code source_ip}), {@code /public} anyone, {@code /} any signed-in
 * user.
 */
@ExtendWith(FakeIdp.class)
class TrustedProxiesThroughGatewayTest {
    private static final String APP = "app.acme.test";
    private static final String OFFICE_CLIENT = "203.0.113.7";

    private static GatewayHarness behindProxy;
    private static GatewayHarness direct;

    @BeforeAll
    static void start(FakeOidcProvider idp) {
        behindProxy = GatewayHarness.start(GatewayHarness.Options.defaults().trusting("127.0.0.1", "10.0.0.0/8"),
                idp);
        direct = GatewayHarness.start(idp);
        configure(behindProxy);
        configure(direct);
    }

    private static void configure(GatewayHarness harness) {
        TestTenant acme = harness.createTenant("acme", APP);
        harness.createRoute(acme, new JsonObject().put("name", "office").put("prefix", "/office")
                .put("idp", GatewayHarness.IDP)
                .put("policy", new JsonArray().add(new JsonObject().put("allow", new JsonObject().put("and",
                        new JsonArray().add(new JsonObject().put("source_ip", "203.0.113.0/24")))))), "/office");
        harness.createRoute(acme, new JsonObject().put("name", "public").put("prefix", "/public")
                .put("allow_public_unauthenticated_access", true), "/public");
        harness.createRoute(acme, new JsonObject().put("name", "home").put("prefix", "/")
                .put("idp", GatewayHarness.IDP).put("allow_any_authenticated_user", true), "/");
        User.alice().issue(harness.idp.signInAs(acme.issuerId()));
    }

    @AfterAll
    static void stop() throws Exception {
        behindProxy.close();
        direct.close();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        behindProxy.upstream.forget();
        direct.upstream.forget();
    }

    @Test
    void behindATrustedTlsProxySigningInUsesHttpsUrlsAndSecureCookies() {
        TestBrowser browser = behindProxy.browser();
        String page = https(behindProxy, "/reports?q=1");

        TestBrowser.Response challenge = browser.get(page);
        assertThat(challenge.status()).isEqualTo(302);
        assertThat(challenge.location()).isEqualTo(https(behindProxy,
                "/.gatehouse/sign_in?idp=main&return_to=" + encode(page)));

        TestBrowser.Response signIn = browser.get(challenge.location());
        assertThat(signIn.status()).isEqualTo(302);
        assertThat(query(signIn.location()).get("redirect_uri"))
                .isEqualTo(https(behindProxy, "/.gatehouse/callback"));
        assertThat(signIn.setCookies()).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("__gatehouse_login=").containsIgnoringCase("; Secure"));

        TestBrowser.Response end = browser.navigate(signIn.location());
        assertThat(end.status()).isEqualTo(200);
        assertThat(end.url()).as("the return URL is https").isEqualTo(page);
        assertThat(browser.cookie(APP, SessionCookie.NAME).setCookie()).containsIgnoringCase("; Secure");
        assertThat(behindProxy.upstream.next().header("X-Forwarded-Proto")).isEqualTo("https");
    }

    @Test
    void theSameHeadersFromAPeerThatIsNotTrustedAreIgnored() {
        TestBrowser browser = direct.browser();
        String page = https(direct, "/reports?q=1");

        TestBrowser.Response challenge = browser.get(page);
        assertThat(challenge.status()).isEqualTo(302);
        assertThat(challenge.location()).isEqualTo(direct.url(APP,
                "/.gatehouse/sign_in?idp=main&return_to=" + encode(direct.url(APP, "/reports?q=1"))));

        TestBrowser.Response signIn = browser.get(challenge.location());
        assertThat(query(signIn.location()).get("redirect_uri")).isEqualTo(direct.url(APP, "/.gatehouse/callback"));
        assertThat(signIn.setCookies()).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("__gatehouse_login=").doesNotContainIgnoringCase("secure"));
        TestBrowser.Response end = browser.navigate(signIn.location());
        assertThat(end.status()).isEqualTo(200);
        assertThat(browser.cookie(APP, SessionCookie.NAME).setCookie()).doesNotContainIgnoringCase("secure");
    }

    @Test
    void xForwardedHostNeverChangesTheOriginTheGatewayBuildsUrlsFor() {
        TestBrowser browser = behindProxy.browser().header("X-Forwarded-Host", "evil.example");

        TestBrowser.Response challenge = browser.get(https(behindProxy, "/reports"));

        assertThat(challenge.location()).startsWith(https(behindProxy, "/.gatehouse/sign_in?"))
                .doesNotContain("evil.example");
    }

    @Test
    void sourceIpSeesTheClientATrustedProxyForwardedFor() {
        TestBrowser.Response response = behindProxy.apiClient().header("X-Forwarded-For", OFFICE_CLIENT)
                .get(behindProxy.url(APP, "/office/plan"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Received received = behindProxy.upstream.next();
        assertThat(received.uri()).isEqualTo("/acme/office/plan");
        assertThat(received.header("X-Forwarded-For")).isEqualTo(OFFICE_CLIENT + ", 127.0.0.1");
    }

    @Test
    void aChainThroughSeveralTrustedHopsIsWalkedFromTheRightToTheFirstUntrustedAddress() {
        TestBrowser.Response inOffice = behindProxy.apiClient()
                .header("X-Forwarded-For", "198.51.100.1, " + OFFICE_CLIENT + ", 10.1.2.3, 10.4.5.6")
                .get(behindProxy.url(APP, "/office/plan"));
        assertThat(inOffice.status()).as(inOffice.body()).isEqualTo(200);
        assertThat(behindProxy.upstream.next().header("X-Forwarded-For"))
                .isEqualTo("198.51.100.1, " + OFFICE_CLIENT + ", 10.1.2.3, 10.4.5.6, 127.0.0.1");

        TestBrowser.Response outside = behindProxy.apiClient()
                .header("X-Forwarded-For", OFFICE_CLIENT + ", 198.51.100.1, 10.1.2.3")
                .get(behindProxy.url(APP, "/office/plan"));
        assertThat(outside.status()).as("the client's own first entry does not count").isEqualTo(403);
        assertThat(outside.json().getJsonArray("reasons").getList()).contains("source-ip-unauthorized");

        TestBrowser.Response junk = behindProxy.apiClient()
                .header("X-Forwarded-For", OFFICE_CLIENT + ", not-an-address, 10.1.2.3")
                .get(behindProxy.url(APP, "/office/plan"));
        assertThat(junk.status()).as("junk makes the client unknown").isEqualTo(403);
        behindProxy.upstream.assertReceivedNothing();
    }

    @Test
    void aSpoofedForwardedForFromAnUntrustedPeerDoesNotUnlockASourceIpRoute() {
        TestBrowser.Response response = direct.apiClient()
                .header("X-Forwarded-For", OFFICE_CLIENT)
                .header("X-Real-IP", OFFICE_CLIENT)
                .header("Forwarded", "for=" + OFFICE_CLIENT)
                .get(direct.url(APP, "/office/plan"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().getJsonArray("reasons").getList()).contains("source-ip-unauthorized");
        direct.upstream.assertReceivedNothing();
    }

    @Test
    void forwardedHeadersOfATrustedProxyAreKeptAndExtended() {
        behindProxy.apiClient()
                .header("X-Forwarded-For", OFFICE_CLIENT)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "for=" + OFFICE_CLIENT + ";proto=https")
                .get(behindProxy.url(APP, "/public/news"));

        Received received = behindProxy.upstream.next();
        String host = APP + ":" + behindProxy.port();
        assertThat(received.header("X-Forwarded-For")).isEqualTo(OFFICE_CLIENT + ", 127.0.0.1");
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("https");
        assertThat(received.header("X-Forwarded-Host")).as("the host the gateway routed by").isEqualTo(host);
        assertThat(received.header("Forwarded")).isEqualTo("for=" + OFFICE_CLIENT + ";proto=https, for=127.0.0.1;host=\""
                + host + "\";proto=https");
    }

    @Test
    void forwardedHeadersOfAnUntrustedPeerAreReplacedByTheGatewaysOwn() {
        direct.apiClient()
                .header("X-Forwarded-For", OFFICE_CLIENT)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "for=" + OFFICE_CLIENT + ";proto=https")
                .get(direct.url(APP, "/public/news"));

        Received received = direct.upstream.next();
        assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.header("X-Forwarded-Host")).isEqualTo(APP + ":" + direct.port());
        assertThat(received.header("Forwarded")).isNull();
    }

    /** {@code https://app.acme.test:PORT/PATH}: the test browser sends it as plain HTTP with X-Forwarded-Proto. */
    private static String https(GatewayHarness harness, String pathAndQuery) {
        return "https://" + APP + ":" + harness.port() + pathAndQuery;
    }

    private static Map<String, String> query(String url) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
