package dev.gatehouse.gateway.authn;

import static dev.gatehouse.gateway.authn.GatewayFixture.APP;
import static dev.gatehouse.gateway.authn.GatewayFixture.CLIENT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.gatehouse.gateway.harness.FakeIdp;
import dev.gatehouse.gateway.session.SessionCookie;
import dev.gatehouse.testkit.oidc.FakeOidcProvider;
import dev.gatehouse.testkit.oidc.RecordedCall;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FakeIdp.class)
class LoginFlowTest {

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
    void browserSignsInAtTheIdpAndComesBackToThePageItAskedFor() {
        gateway.signInAs().subject("alice").email("alice@acme.test").groups("staff");
        TestBrowser browser = gateway.browser();

        TestBrowser.Response first = browser.get(gateway.url(APP, "/hello?x=1"));
        assertThat(first.status()).isEqualTo(302);
        assertThat(first.location()).isEqualTo(gateway.url(APP, "/.gatehouse/sign_in?idp=main&return_to="
                + LoginUrls.encode(gateway.url(APP, "/hello?x=1"))));

        TestBrowser.Response signIn = browser.get(first.location());
        assertThat(signIn.status()).isEqualTo(302);
        URI authorize = URI.create(signIn.location());
        assertThat(signIn.location()).startsWith(gateway.issuer() + "/authorize?");
        Map<String, String> params = query(authorize);
        assertThat(params).containsEntry("response_type", "code")
                .containsEntry("client_id", CLIENT_ID)
                .containsEntry("redirect_uri", gateway.url(APP, "/.gatehouse/callback"))
                .containsEntry("code_challenge_method", "S256")
                .containsKeys("state", "nonce", "code_challenge");
        assertThat(params.get("scope")).contains("openid");
        assertThat(params.get("state")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(params.get("nonce")).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(params.get("state"));
        assertThat(browser.cookie(APP, LoginCookie.NAME).setCookie())
                .containsIgnoringCase("HttpOnly").contains("SameSite=Lax").contains("Path=/.gatehouse/").doesNotContain("Domain")
                .doesNotContain("Secure");

        TestBrowser.Response end = browser.navigate(signIn.location());

        assertThat(end.status()).isEqualTo(200);
        assertThat(end.url()).isEqualTo(gateway.url(APP, "/hello?x=1"));
        assertThat(end.json().getString("sub")).isEqualTo("alice");
        assertThat(end.json().getString("email")).isEqualTo("alice@acme.test");
        assertThat(end.json().getString("source")).isEqualTo("SESSION");
        String session = browser.cookie(APP, SessionCookie.NAME).setCookie();
        assertThat(session).containsIgnoringCase("HttpOnly").contains("SameSite=Lax").contains("Path=/").contains("Max-Age=")
                .doesNotContain("Domain").doesNotContain("Secure");
        assertThat(browser.cookie(APP, SessionCookie.NAME).value()).hasSize(43);
    }

    @Test
    void theCodeExchangeAuthenticatesWithTheDecryptedSecretAndProvesPkce() {
        gateway.signInAs().subject("alice");
        TestBrowser browser = gateway.browser();
        gateway.provider.takeRequests();
        String authorize = browser.get(browser.get(gateway.url(APP, "/")).location()).location();
        String challenge = query(URI.create(authorize)).get("code_challenge");

        assertThat(browser.navigate(authorize).status()).isEqualTo(200);

        List<RecordedCall> tokenCalls = gateway.provider.takeRequests().stream()
                .filter(call -> call.path().equals("/" + gateway.issuerId + "/token"))
                .toList();
        assertThat(tokenCalls).hasSize(1);
        RecordedCall exchange = tokenCalls.get(0);
        assertThat(exchange.method()).isEqualTo("POST");
        assertThat(exchange.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":acme-client-secret").getBytes(StandardCharsets.UTF_8)));
        Map<String, String> form = query(URI.create("http://form/?" + exchange.body()));
        assertThat(form).containsEntry("grant_type", "authorization_code")
                .containsEntry("redirect_uri", gateway.url(APP, "/.gatehouse/callback"));
        assertThat(Pkce.challenge(form.get("code_verifier"))).isEqualTo(challenge);
    }

    @Test
    void cookiesAreSecureAndUrlsHttpsWhenATrustedProxySaysHttps() {
        gateway.signInAs().subject("alice");
        TestBrowser browser = gateway.browser();
        String https = "https://" + APP + ":" + gateway.port();

        TestBrowser.Response signIn = browser.get(https + "/.gatehouse/sign_in?return_to="
                + LoginUrls.encode(https + "/hello"));

        assertThat(query(URI.create(signIn.location())))
                .containsEntry("redirect_uri", https + "/.gatehouse/callback");
        assertThat(browser.cookie(APP, LoginCookie.NAME).setCookie()).contains("Secure");

        TestBrowser.Response end = browser.navigate(signIn.location());
        assertThat(end.url()).isEqualTo(https + "/hello");
        assertThat(browser.cookie(APP, SessionCookie.NAME).setCookie()).contains("Secure").containsIgnoringCase("HttpOnly");
    }

    @Test
    void nonBrowserClientsGet401JsonWithTheLoginUrlAndTheRequestId() {
        TestBrowser api = gateway.browser().header("Accept", "application/json");

        TestBrowser.Response response = api.get(gateway.url(APP, "/api/items"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers().get("Content-Type")).startsWith("application/json");
        assertThat(response.json()).isEqualTo(new JsonObject()
                .put("error", "unauthenticated")
                .put("login_url", gateway.url(APP, "/.gatehouse/sign_in?idp=main&return_to="
                        + LoginUrls.encode(gateway.url(APP, "/api/items"))))
                .put("request_id", response.headers().get("X-Request-Id")));
    }

    @Test
    void scriptsAskingForHtmlAreStillNotRedirected() {
        TestBrowser xhr = gateway.browser().header("X-Requested-With", "XMLHttpRequest");

        TestBrowser.Response response = xhr.get(gateway.url(APP, "/api/items"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().getString("error")).isEqualTo("unauthenticated");
        assertThat(gateway.browser().header("Accept", null).get(gateway.url(APP, "/")).status()).isEqualTo(401);
    }

    @Test
    void whoAmIAnswersJsonToApiClientsAndAPageToBrowsers() {
        gateway.signInAs().subject("alice").email("alice@acme.test").groups("staff", "<admins>")
                .claim("department", "R&D");
        TestBrowser browser = gateway.browser();
        browser.navigate(gateway.url(APP, "/"));

        TestBrowser.Response page = browser.get(gateway.url(APP, "/.gatehouse/"));
        browser.header("Accept", "application/json");
        TestBrowser.Response json = browser.get(gateway.url(APP, "/.gatehouse/"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().get("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("alice@acme.test").contains("staff, &lt;admins&gt;")
                .doesNotContain("<admins>");
        JsonObject me = json.json();
        assertThat(me.fieldNames()).containsExactlyInAnyOrder("sub", "email", "groups", "claims", "tenant",
                "expires_at");
        assertThat(me.getString("sub")).isEqualTo("alice");
        assertThat(me.getJsonArray("groups").getList()).containsExactly("staff", "<admins>");
        assertThat(me.getJsonObject("claims").getString("department")).isEqualTo("R&D");
        assertThat(me.getJsonObject("claims").containsKey("nonce")).isFalse();
        assertThat(me.getString("tenant")).isEqualTo("acme");
        assertThat(me.getString("expires_at")).isNotBlank();
    }

    @Test
    void whoAmIWithoutASessionIsUnauthenticated() {
        TestBrowser.Response json = gateway.browser().header("Accept", "application/json")
                .get(gateway.url(APP, "/.gatehouse/"));
        TestBrowser.Response page = gateway.browser().get(gateway.url(APP, "/.gatehouse/"));

        assertThat(json.status()).isEqualTo(401);
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).startsWith(gateway.url(APP, "/.gatehouse/sign_in?"));
    }

    @Test
    void anIdleSessionEndsAndTheBrowserSignsInAgain() {
        gateway.signInAs().subject("alice");
        TestBrowser browser = gateway.browser();
        browser.navigate(gateway.url(APP, "/"));
        assertThat(browser.get(gateway.url(APP, "/again")).status()).isEqualTo(200);

        gateway.clock.advance(GatewayFixture.LIFETIMES.idle().plusMinutes(1));

        TestBrowser.Response after = browser.get(gateway.url(APP, "/again"));
        assertThat(after.status()).isEqualTo(302);
        assertThat(after.location()).startsWith(gateway.url(APP, "/.gatehouse/sign_in?"));
    }

    @Test
    void aSecondSignInReplacesTheSessionWithANewId() {
        gateway.signInAs().subject("alice");
        TestBrowser browser = gateway.browser();
        browser.navigate(gateway.url(APP, "/"));
        String before = browser.cookie(APP, SessionCookie.NAME).value();

        gateway.clock.advance(Duration.ofSeconds(1));
        browser.navigate(gateway.url(APP, "/.gatehouse/sign_in?idp=main&return_to=" + LoginUrls.encode(
                gateway.url(APP, "/"))));
        String afterAlreadySignedIn = browser.cookie(APP, SessionCookie.NAME).value();
        assertThat(afterAlreadySignedIn).as("signed in already: no new login").isEqualTo(before);

        TestBrowser stranger = gateway.browser();
        stranger.putCookie(APP, SessionCookie.NAME, before);
        assertThat(stranger.get(gateway.url(APP, "/")).status()).as("the id works where it was issued").isEqualTo(200);
    }

    @Test
    void unknownGatewayPathsAndWrongMethodsAreRefusedPlainly() {
        TestBrowser browser = gateway.browser();

        assertThat(browser.get(gateway.url(APP, "/.gatehouse/nothing")).status()).isEqualTo(404);
        TestBrowser.Response post = browser.post(gateway.url(APP, "/.gatehouse/callback"));
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.headers().get("Allow")).isEqualTo("GET");
        assertThat(browser.get(gateway.url(APP, "/.gatehouse/sign_in?idp=nope")).status()).isEqualTo(400);
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> params = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
