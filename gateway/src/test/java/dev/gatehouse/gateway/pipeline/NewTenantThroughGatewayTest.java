package dev.gatehouse.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.gatehouse.gateway.authn.TestBrowser;
import dev.gatehouse.gateway.harness.FakeIdp;
import dev.gatehouse.gateway.pipeline.GatewayHarness.TestTenant;
import dev.gatehouse.gateway.pipeline.GatewayHarness.User;
import dev.gatehouse.testkit.oidc.FakeOidcProvider;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnection;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A tenant created through the admin API is usable the moment its route resolves: its JWKS and a signed-in request
 * succeed, never a 502 for signing keys not loaded yet. The gateway loads a new tenant's keys after its snapshot is
 * published; the second case holds that load back in the database (the signing-key table locked) so the route
 * certainly serves before the keys exist, and the requests that need them must wait for them.
 */
@ExtendWith(FakeIdp.class)
class NewTenantThroughGatewayTest {
    private static GatewayHarness harness;

    @BeforeAll
    static void start(FakeOidcProvider idp) {
        harness = GatewayHarness.start(idp);
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
    }

    @Test
    void theMomentANewTenantsRouteResolvesItsJwksAndSignedRequestsWork() throws Exception {
        TestTenant tenant = newTenantWithRoute("fresh", "app.fresh.test");

        String jwks = harness.jwks(tenant.host());
        TestBrowser alice = harness.signIn(tenant, tenant.host(), User.alice());
        TestBrowser.Response page = alice.get(harness.url(tenant.host(), "/hello"));

        assertSignedFor(tenant, page, jwks);
    }

    @Test
    void requestsThatNeedKeysStillHeldBackInTheDatabaseWaitForThemInsteadOfFailing() throws Exception {
        PgConnection blocker = TestBrowser.await(PgConnection.connect(harness.vertx, harness.database()));
        TestBrowser.await(blocker.query("BEGIN").execute()
                .compose(v -> blocker.query("LOCK TABLE signing_keys IN ACCESS EXCLUSIVE MODE").execute()));
        CompletableFuture<TestBrowser.Response> jwks;
        CompletableFuture<TestBrowser.Response> page;
        TestTenant tenant;
        try {
            tenant = newTenantWithRoute("slow", "app.slow.test");
            TestBrowser alice = harness.signIn(tenant, tenant.host(), User.alice());
            jwks = CompletableFuture.supplyAsync(() -> harness.apiClient()
                    .get(harness.url(tenant.host(), "/.well-known/gatehouse/jwks.json")));
            page = CompletableFuture.supplyAsync(() -> alice.get(harness.url(tenant.host(), "/hello")));

            TestBrowser.Response later = harness.apiClient().get(harness.url(tenant.host(), "/later"));
            assertThat(later.status()).as("the tenant serves meanwhile").isEqualTo(401);
            assertThat(jwks.isDone()).as("the JWKS waits for the keys").isFalse();
            assertThat(page.isDone()).as("the signed-in request waits for the keys").isFalse();
        } finally {
            TestBrowser.await(blocker.query("COMMIT").execute());
            TestBrowser.await(blocker.close());
        }

        TestBrowser.Response jwksResponse = jwks.get();
        assertThat(jwksResponse.status()).as(jwksResponse.body()).isEqualTo(200);
        assertSignedFor(tenant, page.get(), jwksResponse.body());
    }

    /** Creates the tenant, its IdP, upstream and a route for any signed-in user, and waits until the route resolves. */
    private static TestTenant newTenantWithRoute(String slug, String host) {
        TestTenant tenant = harness.defineTenant(slug, host);
        harness.admin.create("/tenants/" + slug + "/routes", new JsonObject().put("name", "home")
                .put("from", "http://" + host).put("prefix", "/").put("upstream", GatewayHarness.UPSTREAM)
                .put("idp", GatewayHarness.IDP).put("allow_any_authenticated_user", true));
        harness.awaitStatus(host, "/hello", status -> status != 404);
        return tenant;
    }

    private static void assertSignedFor(TestTenant tenant, TestBrowser.Response page, String jwks) throws Exception {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        RecordingUpstream.Received received = harness.upstream.next();
        assertThat(received.uri()).isEqualTo("/" + tenant.slug() + "/hello");
        JWTClaimsSet claims = AssertionVerifier.verify(received.header("X-Gatehouse-Jwt-Assertion"), jwks,
                tenant.host());
        assertThat(claims.getSubject()).isEqualTo("alice");
    }
}
