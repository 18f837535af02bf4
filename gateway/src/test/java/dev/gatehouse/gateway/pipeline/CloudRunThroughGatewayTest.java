package dev.gatehouse.gateway.pipeline;

import static dev.gatehouse.gateway.pipeline.GoogleFakedGateway.anyUserRoute;
import static dev.gatehouse.gateway.pipeline.GoogleFakedGateway.publicRoute;
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
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Private Cloud Run services behind the gateway, with Google faked ({@link GoogleFakedGateway}). acme's services
 * admit only acme's service account, which the gateway impersonates; bravo tries to have the gateway sign for acme's
 * service. The seed scenarios of the issue are {@link CloudRunSeedScenariosTest}.
 */
@ExtendWith(FakeIdp.class)
class CloudRunThroughGatewayTest {
    private static final String ACME = "app.acme.test";
    private static final String BRAVO = "app.bravo.test";
    private static final String SERVICE_URL = "https://acme-hello-4ab5cd6ef7-uc.a.run.app";
    private static final String REPORTS_URL = "https://acme-reports-4ab5cd6ef7-uc.a.run.app";
    private static final String SESSION_COOKIE = "__gatehouse";

    private static GoogleFakedGateway gateway;
    private static GatewayHarness harness;
    private static FakeGoogle google;
    private static FakeServiceAccount acmeInvoker;
    private static FakeCloudRun acmeService;
    private static FakeCloudRun acmeReports;
    private static TestBrowser alice;

    @BeforeAll
    static void start(FakeOidcProvider idp) {
        gateway = GoogleFakedGateway.start(idp);
        harness = gateway.harness;
        google = gateway.google;
        acmeInvoker = google.createServiceAccount("invoker@acme-prod.iam.gserviceaccount.com");
        acmeService = google.startCloudRun(CloudRunOptions.privateService(SERVICE_URL, acmeInvoker.email()));
        acmeReports = google.startCloudRun(CloudRunOptions.privateService(REPORTS_URL, acmeInvoker.email(),
                FakeGoogle.DEFAULT_METADATA_ACCOUNT));

        TestTenant acme = harness.createTenant("acme", ACME);
        gateway.allowGatewayIdentity("acme");
        harness.admin.create("/tenants/acme/upstreams",
                signedUpstream("hello-authz", acmeService, acmeInvoker.email(), "authorization"));
        harness.admin.create("/tenants/acme/upstreams",
                signedUpstream("reports", acmeReports, acmeInvoker.email(), "x-serverless-authorization"));
        harness.admin.create("/tenants/acme/upstreams",
                signedUpstream("reports-as-gateway", acmeReports, null, "x-serverless-authorization"));
        harness.createRoute(acme, anyUserRoute("authz").put("prefix", "/authz").put("upstream", "hello-authz"),
                "/authz");
        harness.createRoute(acme, anyUserRoute("reports").put("prefix", "/reports").put("upstream", "reports"),
                "/reports");
        harness.createRoute(acme, anyUserRoute("gw-reports").put("prefix", "/gw-reports")
                .put("upstream", "reports-as-gateway"), "/gw-reports");

        TestTenant bravo = harness.createTenant("bravo", BRAVO);
        gateway.allowGatewayIdentity("bravo");
        harness.admin.create("/tenants/bravo/upstreams", new JsonObject().put("name", "borrowed-account")
                .put("url", "https://bravo-hello-4ab5cd6ef7-uc.a.run.app").put("google_cloud_serverless_authentication",
                        new JsonObject().put("enabled", true).put("service_account", acmeInvoker.email())));
        harness.admin.create("/tenants/bravo/upstreams",
                signedUpstream("acme-service", acmeService, null, "x-serverless-authorization"));
        harness.createRoute(bravo, publicRoute("account").put("prefix", "/account").put("upstream", "borrowed-account"),
                "/account");
        harness.createRoute(bravo, publicRoute("service").put("prefix", "/service").put("upstream", "acme-service"),
                "/service");

        alice = harness.signIn(acme, ACME, User.alice());
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    @BeforeEach
    void json() {
        alice.header("Accept", "application/json");
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
    void concurrentRequestsMintOneTokenPerIdentityAndAudience() throws Exception {
        int before = acmeReports.received().size();
        String session = alice.cookie(ACME, SESSION_COOKIE).value();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<CompletableFuture<List<Integer>>> workers = new ArrayList<>();
        try {
            for (int w = 0; w < 8; w++) {
                TestBrowser browser = harness.apiClient();
                browser.putCookie(ACME, SESSION_COOKIE, session);
                workers.add(CompletableFuture.supplyAsync(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        String path = (i % 2 == 0 ? "/reports/" : "/gw-reports/") + i;
                        statuses.add(browser.get(harness.url(ACME, path)).status());
                    }
                    return statuses;
                }, clients));
            }
            for (CompletableFuture<List<Integer>> worker : workers) {
                assertThat(worker.get(60, TimeUnit.SECONDS)).containsOnly(200);
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(acmeReports.received()).hasSize(before + 40);
        assertThat(google.mints(acmeInvoker.email(), REPORTS_URL)).as("as the tenant's account").isEqualTo(1);
        assertThat(google.mints(FakeGoogle.DEFAULT_METADATA_ACCOUNT, REPORTS_URL)).as("as the gateway")
                .isEqualTo(1);
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
}
