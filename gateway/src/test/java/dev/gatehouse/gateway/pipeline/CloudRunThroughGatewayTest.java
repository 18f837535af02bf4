package dev.gatehouse.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.gateway.authn.TestBrowser;
import dev.gatehouse.gateway.google.GoogleCredentialsOptions;
import dev.gatehouse.gateway.google.GoogleEndpoints;
import dev.gatehouse.gateway.pipeline.GatewayHarness.TestTenant;
import dev.gatehouse.gateway.pipeline.GatewayHarness.User;
import dev.gatehouse.testkit.google.CloudRunOptions;
import dev.gatehouse.testkit.google.FakeCloudRun;
import dev.gatehouse.testkit.google.FakeGoogle;
import dev.gatehouse.testkit.google.FakeServiceAccount;
import dev.gatehouse.testkit.google.ReceivedRequest;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Private Cloud Run services behind the gateway, with Google faked (metadata server, IAM Credentials, token
 * endpoint) and the gateway's own identity the metadata server's account. acme's service admits only acme's service
 * account, which the gateway impersonates; bravo tries to have the gateway sign for acme's service.
 */
class CloudRunThroughGatewayTest {
    private static final String ACME = "app.acme.test";
    private static final String BRAVO = "app.bravo.test";
    private static final String SERVICE_URL = "https://acme-hello-4ab5cd6ef7-uc.a.run.app";

    private static FakeGoogle google;
    private static FakeServiceAccount acmeInvoker;
    private static FakeCloudRun acmeService;
    private static GatewayHarness harness;
    private static TestBrowser alice;

    @BeforeAll
    static void start() {
        google = FakeGoogle.start();
        acmeInvoker = google.createServiceAccount("invoker@acme-prod.iam.gserviceaccount.com");
        acmeService = google.startCloudRun(CloudRunOptions.privateService(SERVICE_URL, acmeInvoker.email()));
        GoogleEndpoints endpoints = new GoogleEndpoints(google.metadataUri(), google.tokenUri().resolve("/"),
                google.iamCredentialsUri());
        harness = GatewayHarness.start(new GatewayHarness.Options(
                new GoogleCredentialsOptions(Optional.empty(), endpoints.transportFactory())));

        TestTenant acme = harness.createTenant("acme", ACME);
        harness.admin.create("/tenants/acme/upstreams", cloudRun("hello", "x-serverless-authorization")
                .put("url", acmeService.uri().toString()));
        harness.admin.create("/tenants/acme/upstreams", cloudRun("hello-authz", "authorization")
                .put("url", acmeService.uri().toString()));
        harness.createRoute(acme, anyUser("authz").put("prefix", "/authz").put("upstream", "hello-authz"), "/authz");
        harness.createRoute(acme, anyUser("hello").put("prefix", "/").put("upstream", "hello"), "/");

        TestTenant bravo = harness.createTenant("bravo", BRAVO);
        harness.admin.update("/tenants/bravo", new JsonObject().put("allow_gateway_identity", true));
        harness.admin.create("/tenants/bravo/upstreams", new JsonObject().put("name", "borrowed-account")
                .put("url", "https://bravo-hello-4ab5cd6ef7-uc.a.run.app").put("google_cloud_serverless_authentication",
                        new JsonObject().put("enabled", true).put("service_account", acmeInvoker.email())));
        harness.admin.create("/tenants/bravo/upstreams", new JsonObject().put("name", "acme-service")
                .put("url", acmeService.uri().toString()).put("google_cloud_serverless_authentication",
                        new JsonObject().put("enabled", true).put("audience", SERVICE_URL)));
        harness.createRoute(bravo, publicRoute("account").put("prefix", "/account").put("upstream", "borrowed-account"),
                "/account");
        harness.createRoute(bravo, publicRoute("service").put("prefix", "/service").put("upstream", "acme-service"),
                "/service");

        alice = harness.signIn(acme, ACME, User.alice());
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
        google.close();
    }

    @BeforeEach
    void json() {
        alice.header("Accept", "application/json");
    }

    @Test
    void aSignedInUserReachesThePrivateServiceAndTheAppsOwnAuthorizationPassesUntouched() {
        int before = acmeService.received().size();
        alice.header("Authorization", "Bearer app-session-123");
        TestBrowser.Response response;
        try {
            response = alice.get(harness.url(ACME, "/orders?open=1"));
        } finally {
            alice.header("Authorization", null);
        }

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().getString("identity")).isEqualTo(acmeInvoker.email());
        ReceivedRequest received = acmeService.received().get(before);
        assertThat(received.uri()).isEqualTo("/orders?open=1");
        assertThat(received.header("Authorization")).isEqualTo("Bearer app-session-123");
        assertThat(received.header("X-Serverless-Authorization")).startsWith("Bearer ey");
        AssertionVerifier.verify(received.header("X-Gatehouse-Jwt-Assertion"), harness.jwks(ACME), ACME);
        assertThat(google.mints(acmeInvoker.email(), SERVICE_URL)).isPositive();
    }

    @Test
    void withTheAuthorizationHeaderConfiguredTheGatewaysTokenReplacesTheClients() {
        int before = acmeService.received().size();
        alice.header("Authorization", "Bearer forged-by-client");
        TestBrowser.Response response;
        try {
            response = alice.get(harness.url(ACME, "/authz/orders"));
        } finally {
            alice.header("Authorization", null);
        }

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        ReceivedRequest received = acmeService.received().get(before);
        assertThat(received.headers().get("authorization")).singleElement().asString().startsWith("Bearer ey")
                .doesNotContain("forged-by-client");
        assertThat(received.header("X-Serverless-Authorization")).isNull();
    }

    @Test
    void theServiceItselfTurnsAwayAnyoneWhoComesDirectly() throws Exception {
        FakeServiceAccount outsider = google.createServiceAccount("someone@elsewhere.iam.gserviceaccount.com");
        int received = acmeService.received().size();
        int rejected = acmeService.rejections().size();

        int withoutToken = direct(null);
        int withAnotherIdentitysToken = direct(google.issueIdToken(outsider, SERVICE_URL));

        assertThat(withoutToken).isEqualTo(401);
        assertThat(withAnotherIdentitysToken).isEqualTo(403);
        assertThat(acmeService.rejections()).hasSize(rejected + 2);
        assertThat(acmeService.received()).hasSize(received);
    }

    private static int direct(String idToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(acmeService.uri().resolve("/orders"));
        if (idToken != null) {
            request.header("Authorization", "Bearer " + idToken);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void tenantBCannotHaveTheGatewaySignWithTenantAsAccountOrForTenantAsService() {
        int received = acmeService.received().size();
        int rejected = acmeService.rejections().size();
        int mints = google.totalMints();

        for (String path : List.of("/account/x", "/service/x")) {
            TestBrowser.Response response = harness.apiClient().get(harness.url(BRAVO, path));
            assertThat(response.status()).as(path).isEqualTo(502);
            assertThat(response.json().getString("error")).isEqualTo("bad_gateway");
        }

        assertThat(acmeService.received()).hasSize(received);
        assertThat(acmeService.rejections()).as("nothing was even sent").hasSize(rejected);
        assertThat(google.totalMints()).isEqualTo(mints);
    }

    private static JsonObject cloudRun(String name, String header) {
        return new JsonObject().put("name", name).put("google_cloud_serverless_authentication", serverless(header)
                .put("service_account", acmeInvoker.email()));
    }

    private static JsonObject serverless(String header) {
        return new JsonObject().put("enabled", true).put("audience", SERVICE_URL).put("header", header);
    }

    private static JsonObject anyUser(String name) {
        return new JsonObject().put("name", name).put("idp", GatewayHarness.IDP)
                .put("allow_any_authenticated_user", true);
    }

    private static JsonObject publicRoute(String name) {
        return new JsonObject().put("name", name).put("allow_public_unauthenticated_access", true);
    }
}
