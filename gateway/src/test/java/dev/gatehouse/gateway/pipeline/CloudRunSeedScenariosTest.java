package dev.gatehouse.gateway.pipeline;

import static dev.gatehouse.gateway.pipeline.GoogleFakedGateway.anyUserRoute;
import static dev.gatehouse.gateway.pipeline.GoogleFakedGateway.direct;
import static dev.gatehouse.gateway.pipeline.GoogleFakedGateway.plainUpstream;
import static dev.gatehouse.gateway.pipeline.GoogleFakedGateway.policyRoute;
import static dev.gatehouse.gateway.pipeline.GoogleFakedGateway.signedUpstream;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.gateway.authn.TestBrowser;
import dev.gatehouse.gateway.harness.FakeIdp;
import dev.gatehouse.gateway.pipeline.GatewayHarness.TestTenant;
import dev.gatehouse.gateway.pipeline.GatewayHarness.User;
import dev.gatehouse.testkit.google.CloudRunOptions;
import dev.gatehouse.testkit.google.FakeCloudRun;
import dev.gatehouse.testkit.google.FakeGoogle;
import dev.gatehouse.testkit.google.FakeServiceAccount;
import dev.gatehouse.testkit.google.ReceivedRequest;
import dev.gatehouse.testkit.oidc.FakeOidcProvider;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The seed scenarios of the Cloud Run issue, end to end: the real gateway ({@link GoogleFakedGateway}: admin API,
 * data plane, fake IdP, fake Google) in front of fake Cloud Run services whose front end answers as the real one
 * does. One tenant per scenario; every request goes through the gateway over HTTP, except where a scenario goes to
 * the service directly.
 */
@ExtendWith(FakeIdp.class)
class CloudRunSeedScenariosTest {

    private static GoogleFakedGateway gateway;
    private static GatewayHarness harness;
    private static FakeGoogle google;

    @BeforeAll
    static void start(FakeOidcProvider idp) {
        gateway = GoogleFakedGateway.start(idp);
        harness = gateway.harness;
        google = gateway.google;
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    static User user(String sub, String email) {
        return new User(sub, email, List.of(), Map.of());
    }

    /** A browser that asked for {@code page}, was sent to sign in as {@code who} and came back (after redirects). */
    static TestBrowser.Response signInOnTheWay(TestTenant tenant, User who, String page) {
        who.issue(harness.idp.signInAs(tenant.issuerId()));
        TestBrowser browser = harness.browser();
        TestBrowser.Response first = browser.get(page);
        assertThat(first.status()).as("an anonymous visit is sent to sign in").isEqualTo(302);
        assertThat(first.location()).contains("/.gatehouse/sign_in");
        TestBrowser.Response end = browser.navigate(first.location());
        assertThat(browser.visited()).anyMatch(url -> url.startsWith(tenant.issuer() + "/authorize?"));
        assertThat(end.url()).isEqualTo(page);
        return end;
    }

    /**
     * Pomerium's Cloud Run guide, with Gatehouse in Pomerium's place: two private services ({@code hello} and an
     * httpbin) that only the gateway's own service account may invoke, behind routes for Gmail users; the httpbin
     * route passes the identity headers.
     */
    @Nested
    @DisplayName("Pomerium on Cloud Run: private services for gmail.com users")
    class PomeriumOnCloudRun {
        static final String HELLO = "hello.pomerium.test";
        static final String HTTPBIN = "httpbin.pomerium.test";

        static TestTenant tenant;
        static FakeCloudRun hello;
        static FakeCloudRun httpbin;

        @BeforeAll
        static void configure() {
            String gatewayAccount = FakeGoogle.DEFAULT_METADATA_ACCOUNT;
            hello = google.startCloudRun(CloudRunOptions.privateService("https://hello-9q8w7e6r5t-uc.a.run.app",
                    gatewayAccount));
            httpbin = google.startCloudRun(CloudRunOptions.privateService(
                    "https://httpbin-9q8w7e6r5t-uc.a.run.app", gatewayAccount));
            tenant = harness.createTenant("pomerium", HELLO, HTTPBIN);
            gateway.allowGatewayIdentity("pomerium");
            harness.admin.create("/tenants/pomerium/upstreams",
                    signedUpstream("hello", hello, null, "x-serverless-authorization"));
            harness.admin.create("/tenants/pomerium/upstreams",
                    signedUpstream("httpbin", httpbin, null, "x-serverless-authorization"));
            JsonArray gmail = domainIs("gmail.com");
            harness.createRoute(tenant, policyRoute("hello", gmail).put("prefix", "/").put("upstream", "hello"), "/");
            harness.createRoute(tenant, policyRoute("httpbin", gmail).put("from", "http://" + HTTPBIN)
                    .put("prefix", "/").put("upstream", "httpbin").put("pass_identity_headers", true), "/");
        }

        @Test
        void directAccessToThePrivateServiceIsForbidden() {
            FakeServiceAccount stranger = google.createServiceAccount("stranger@elsewhere.iam.gserviceaccount.com");
            int received = hello.received().size();

            HttpResponse<String> anonymous = direct(hello, "/", null);
            HttpResponse<String> withAnotherIdentity = direct(hello, "/", google.issueIdToken(stranger, hello.url()));

            assertThat(anonymous.statusCode()).isEqualTo(403);
            assertThat(anonymous.body()).contains("Error: Forbidden",
                    "Your client does not have permission to get URL <code>/</code> from this server.");
            assertThat(withAnotherIdentity.statusCode()).isEqualTo(403);
            assertThat(hello.received()).hasSize(received);
        }

        @Test
        void throughTheGatewayAGmailUserSignsInAndThenGets200() {
            String page = harness.url(HELLO, "/greeting?lang=en");

            TestBrowser.Response end = signInOnTheWay(tenant, user("alice", "alice@gmail.com"), page);

            assertThat(end.status()).as(end.body()).isEqualTo(200);
            assertThat(end.json().getString("identity")).isEqualTo(FakeGoogle.DEFAULT_METADATA_ACCOUNT);
            assertThat(end.json().getString("uri")).isEqualTo("/greeting?lang=en");
        }

        @Test
        void aUserOutsideGmailIsDeniedAndTheServiceNeverSeesTheRequest() {
            int received = hello.received().size();
            int rejected = hello.rejections().size();

            TestBrowser.Response end = signInOnTheWay(tenant, user("bob", "bob@corp.example"),
                    harness.url(HELLO, "/"));

            assertThat(end.status()).isEqualTo(403);
            assertThat(end.body()).contains("domain-unauthorized");
            assertThat(hello.received()).hasSize(received);
            assertThat(hello.rejections()).hasSize(rejected);
        }

        @Test
        void theHttpbinServiceShowsTheIdentityHeadersItReceived() {
            TestBrowser alice = harness.signIn(tenant, HELLO, user("alice", "alice@gmail.com"));

            TestBrowser.Response response = alice.navigate(harness.url(HTTPBIN, "/anything"));

            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonObject headers = response.json().getJsonObject("headers");
            AssertionVerifier.verify(first(headers, "x-gatehouse-jwt-assertion"), harness.jwks(HTTPBIN), HTTPBIN);
            assertThat(first(headers, "x-gatehouse-claim-email")).isEqualTo("alice@gmail.com");
            assertThat(first(headers, "x-gatehouse-claim-sub")).isEqualTo("alice");
            assertThat(first(headers, "x-serverless-authorization")).startsWith("Bearer ey");
            assertThat(headers.containsKey("cookie")).as("the gateway's cookies stay with the gateway").isFalse();
        }

        private static String first(JsonObject headers, String name) {
            JsonArray values = headers.getJsonArray(name);
            assertThat(values).as("header " + name).isNotNull();
            return values.getString(0);
        }
    }

    /**
     * A route with the PPL policy {@code domain: is: your-company.example} to a private service the tenant's own
     * service account may invoke, beside a service that allows unauthenticated calls and is configured as a plain
     * upstream.
     */
    @Nested
    @DisplayName("PPL domain policy: a private service for your-company.example, a public one as a plain upstream")
    class DomainPolicyRoute {
        static final String HOST = "app.your-company.test";

        static TestTenant tenant;
        static FakeServiceAccount invoker;
        static FakeCloudRun privateService;
        static FakeCloudRun publicService;

        @BeforeAll
        static void configure() {
            invoker = google.createServiceAccount("run-invoker@your-company.iam.gserviceaccount.com");
            privateService = google.startCloudRun(CloudRunOptions.privateService(
                    "https://internal-123456789012.europe-west1.run.app", invoker.email()));
            publicService = google.startCloudRun(CloudRunOptions.publicService(
                    "https://status-123456789012.europe-west1.run.app"));
            tenant = harness.createTenant("yourco", HOST);
            harness.admin.create("/tenants/yourco/upstreams",
                    signedUpstream("internal", privateService, invoker.email(), "x-serverless-authorization"));
            harness.admin.create("/tenants/yourco/upstreams", plainUpstream("status", publicService));
            harness.createRoute(tenant, policyRoute("internal", domainIs("your-company.example"))
                    .put("prefix", "/internal").put("upstream", "internal"), "/internal");
            harness.createRoute(tenant, anyUserRoute("status").put("prefix", "/status").put("upstream", "status"),
                    "/status");
        }

        @Test
        void aUserOfTheDomainReachesThePrivateService() {
            TestBrowser alice = harness.signIn(tenant, HOST, user("alice", "alice@your-company.example"));
            alice.header("Accept", "application/json");

            TestBrowser.Response response = alice.get(harness.url(HOST, "/internal/payroll"));

            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().getString("identity")).isEqualTo(invoker.email());
        }

        @Test
        void anExcludedUserIsDeniedByTheGatewayAndTheServiceNeverSeesTheRequest() {
            TestBrowser mallory = harness.signIn(tenant, HOST, user("mallory", "mallory@elsewhere.example"));
            mallory.header("Accept", "application/json");
            int received = privateService.received().size();
            int rejected = privateService.rejections().size();
            int mints = google.totalMints();

            TestBrowser.Response response = mallory.get(harness.url(HOST, "/internal/payroll"));

            assertThat(response.status()).isEqualTo(403);
            assertThat(response.json().getString("error")).isEqualTo("forbidden");
            assertThat(response.json().getJsonArray("reasons").getList()).contains("domain-unauthorized");
            assertThat(privateService.received()).as("requests the container received").hasSize(received);
            assertThat(privateService.rejections()).as("requests the front end saw").hasSize(rejected);
            assertThat(google.totalMints()).as("no token minted for a denied request").isEqualTo(mints);
        }

        @Test
        void aServiceThatAllowsUnauthenticatedCallsWorksAsAPlainUpstreamWithoutAnIdToken() {
            TestBrowser mallory = harness.signIn(tenant, HOST, user("mallory", "mallory@elsewhere.example"));
            mallory.header("Accept", "application/json");
            int before = publicService.received().size();
            int mints = google.totalMints();

            TestBrowser.Response response = mallory.get(harness.url(HOST, "/status/today"));

            assertThat(response.status()).as(response.body()).isEqualTo(200);
            ReceivedRequest received = publicService.received().get(before);
            assertThat(received.uri()).isEqualTo("/status/today");
            assertThat(received.header("X-Serverless-Authorization")).isNull();
            assertThat(received.header("Authorization")).isNull();
            assertThat(received.header("X-Gatehouse-Jwt-Assertion")).startsWith("ey");
            assertThat(google.totalMints()).isEqualTo(mints);
        }
    }

    /**
     * Identity-Aware Proxy style: the application keeps its own {@code Authorization} header while the Google ID
     * token travels in {@code X-Serverless-Authorization}; a signing identity without {@code roles/run.invoker}
     * gets the gateway's explained 403 instead of Google's bare page.
     */
    @Nested
    @DisplayName("IAP style: the app's own Authorization untouched, a missing invoker grant explained")
    class IapStyle {
        static final String HOST = "app.iap.test";

        static TestTenant tenant;
        static FakeServiceAccount invoker;
        static FakeServiceAccount withoutGrant;
        static FakeCloudRun service;

        @BeforeAll
        static void configure() {
            invoker = google.createServiceAccount("invoker@iap-prod.iam.gserviceaccount.com");
            withoutGrant = google.createServiceAccount("new-app@iap-prod.iam.gserviceaccount.com");
            service = google.startCloudRun(CloudRunOptions.privateService("https://orders-4ab5cd6ef7-uc.a.run.app",
                    invoker.email()));
            tenant = harness.createTenant("iap", HOST);
            harness.admin.create("/tenants/iap/upstreams",
                    signedUpstream("orders", service, invoker.email(), "x-serverless-authorization"));
            harness.admin.create("/tenants/iap/upstreams",
                    signedUpstream("orders-new", service, withoutGrant.email(), "x-serverless-authorization"));
            harness.createRoute(tenant, anyUserRoute("orders").put("prefix", "/orders").put("upstream", "orders"),
                    "/orders");
            harness.createRoute(tenant, anyUserRoute("orders-new").put("prefix", "/new")
                    .put("upstream", "orders-new"), "/new");
        }

        @Test
        void theApplicationGetsItsOwnAuthorizationUntouchedAndTheIdTokenInXServerlessAuthorization() {
            TestBrowser alice = harness.signIn(tenant, HOST, User.alice());
            alice.header("Accept", "application/json").header("Authorization", "Bearer app-session-123");
            int before = service.received().size();

            TestBrowser.Response response = alice.get(harness.url(HOST, "/orders?open=1"));

            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().getString("identity")).isEqualTo(invoker.email());
            ReceivedRequest received = service.received().get(before);
            assertThat(received.uri()).isEqualTo("/orders?open=1");
            assertThat(received.headers().get("authorization")).containsExactly("Bearer app-session-123");
            assertThat(received.header("X-Serverless-Authorization")).startsWith("Bearer ey");
            AssertionVerifier.verify(received.header("X-Gatehouse-Jwt-Assertion"), harness.jwks(HOST), HOST);
            assertThat(google.mints(invoker.email(), service.url())).isPositive();
        }

        @Test
        void aMissingInvokerGrantGetsAnExplained403NamingTheIdentityAndTheGcloudGrant() {
            TestBrowser alice = harness.signIn(tenant, HOST, User.alice());
            int received = service.received().size();
            int rejected = service.rejections().size();

            TestBrowser.Response page = alice.get(harness.url(HOST, "/new/orders"));
            TestBrowser.Response json = alice.header("Accept", "application/json")
                    .get(harness.url(HOST, "/new/orders"));

            assertThat(page.status()).isEqualTo(403);
            assertThat(page.headers().get("Content-Type")).startsWith("text/html");
            assertThat(page.body()).contains(withoutGrant.email(), "lacks roles/run.invoker",
                    "gcloud run services add-iam-policy-binding orders --region REGION --member=serviceAccount:"
                            + withoutGrant.email() + " --role=roles/run.invoker")
                    .doesNotContain("Your client does not have permission");
            assertThat(json.status()).isEqualTo(403);
            assertThat(json.json().getString("error")).isEqualTo("upstream_refused");
            assertThat(json.json().getString("fix")).contains("--member=serviceAccount:" + withoutGrant.email());
            assertThat(service.received()).as("the container never saw them").hasSize(received);
            assertThat(service.rejections()).hasSize(rejected + 2)
                    .allSatisfy(r -> assertThat(r.status()).isEqualTo(403));
        }
    }

    static JsonArray domainIs(String domain) {
        return new JsonArray().add(new JsonObject().put("allow", new JsonObject().put("and", new JsonArray()
                .add(new JsonObject().put("domain", new JsonObject().put("is", domain))))));
    }
}
