package dev.gatehouse.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.gateway.authn.TestBrowser;
import dev.gatehouse.gateway.harness.FakeIdp;
import dev.gatehouse.gateway.pipeline.GatewayHarness.TestTenant;
import dev.gatehouse.gateway.pipeline.GatewayHarness.User;
import dev.gatehouse.testkit.ClosedPort;
import dev.gatehouse.testkit.oidc.FakeOidcProvider;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes changing under a signed-in user, and upstreams that fail: what the gateway answers. */
@ExtendWith(FakeIdp.class)
class LiveRoutesTest {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRoutesTest.class);
    private static final String HOST = "app.acme.test";

    private static ClosedPort gone;
    private static GatewayHarness harness;
    private static TestTenant acme;
    private static TestBrowser alice;

    @BeforeAll
    static void start(FakeOidcProvider idp) {
        gone = ClosedPort.reserve();
        harness = GatewayHarness.start(idp);
        acme = harness.createTenant("acme", HOST);
        harness.admin.create("/tenants/acme/upstreams", new JsonObject().put("name", "gone")
                .put("url", gone.httpUrl()).put("connect_timeout", "2s"));
        harness.createRoute(acme, anyUser("down").put("prefix", "/down").put("upstream", "gone"), "/down");
        harness.createRoute(acme, anyUser("slow").put("prefix", "/slow").put("timeout", "300ms"), "/slow");
        alice = harness.signIn(acme, HOST, User.alice());
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
        gone.close();
    }

    @BeforeEach
    void reset() {
        harness.upstream.forget();
        alice.header("Accept", "text/html,*/*;q=0.8");
    }

    /**
     * The product aims at serving a new route within a second; how long it took is logged, not asserted, since a
     * loaded machine can take longer without anything being wrong.
     */
    @Test
    void aRouteCreatedThroughTheAdminApiServesSoonAfter() {
        harness.admin.create("/tenants/acme/routes", anyUser("fresh").put("from", "http://" + HOST)
                .put("upstream", GatewayHarness.UPSTREAM).put("prefix", "/fresh"));
        long created = System.nanoTime();

        GatewayHarness.awaitUntil("the new route answers", GatewayHarness.CHANGE_DEADLINE,
                () -> harness.apiClient().get(harness.url(HOST, "/fresh/start")).status() != 404);
        LOG.info("a route created through the admin API served after {} ms",
                Duration.ofNanos(System.nanoTime() - created).toMillis());

        assertThat(alice.get(harness.url(HOST, "/fresh/start")).status()).isEqualTo(200);
        assertThat(harness.upstream.next().uri()).isEqualTo("/acme/fresh/start");
    }

    @Test
    void aRouteDeletedWhileTheUserIsSignedInAnswers404AndProxiesNothing() {
        harness.createRoute(acme, anyUser("doomed").put("prefix", "/doomed"), "/doomed");
        assertThat(alice.get(harness.url(HOST, "/doomed/page")).status()).isEqualTo(200);
        assertThat(harness.upstream.next().uri()).isEqualTo("/acme/doomed/page");

        harness.admin.delete("/tenants/acme/routes/doomed");
        harness.awaitStatus(HOST, "/doomed/page", status -> status == 404);

        TestBrowser.Response afterwards = alice.get(harness.url(HOST, "/doomed/page"));
        assertThat(afterwards.status()).isEqualTo(404);
        assertThat(afterwards.body()).contains("There is nothing at this address.");
        harness.upstream.assertReceivedNothing();
        assertThat(harness.apiClient().get(harness.url(HOST, "/down")).status())
                .as("the tenant's other routes are unaffected").isEqualTo(401);
    }

    @Test
    void anUnreachableUpstreamIsA502PageThatNamesNoAddress() {
        TestBrowser.Response page = alice.get(harness.url(HOST, "/down/report"));

        assertThat(page.status()).isEqualTo(502);
        assertThat(page.headers().get("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("Upstream unavailable", page.headers().get("X-Request-Id"))
                .doesNotContain("127.0.0.1", "Connection refused", "gone");

        alice.header("Accept", "application/json");
        TestBrowser.Response json = alice.get(harness.url(HOST, "/down/report"));
        assertThat(json.status()).isEqualTo(502);
        assertThat(json.json().getString("error")).isEqualTo("bad_gateway");
        assertThat(json.json().getString("request_id")).isEqualTo(json.headers().get("X-Request-Id"));
    }

    @Test
    void anUpstreamThatNeverAnswersIsA504AfterTheRouteTimeout() {
        TestBrowser.Response page = alice.get(harness.url(HOST, "/slow" + RecordingUpstream.HANG));

        assertThat(page.status()).isEqualTo(504);
        assertThat(page.body()).contains("Upstream timed out");
        assertThat(harness.upstream.next().uri()).as("the request did reach the upstream")
                .isEqualTo("/acme/slow" + RecordingUpstream.HANG);
    }

    private static JsonObject anyUser(String name) {
        return new JsonObject().put("name", name).put("idp", GatewayHarness.IDP)
                .put("allow_any_authenticated_user", true);
    }
}
