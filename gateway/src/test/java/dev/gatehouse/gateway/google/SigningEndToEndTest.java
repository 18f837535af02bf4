package dev.gatehouse.gateway.google;

import static dev.gatehouse.gateway.google.CachingIdTokenSourceTest.await;
import static dev.gatehouse.gateway.google.Configs.config;
import static dev.gatehouse.gateway.google.Configs.signedAs;
import static dev.gatehouse.gateway.google.Configs.tenant;
import static dev.gatehouse.gateway.google.Configs.upstream;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.gatehouse.core.cloudrun.SigningClaims;
import dev.gatehouse.core.cloudrun.SigningDecision;
import dev.gatehouse.core.cloudrun.SigningIdentity;
import dev.gatehouse.core.cloudrun.UpstreamSigning;
import dev.gatehouse.core.config.Tenant;
import dev.gatehouse.core.config.Upstream;
import dev.gatehouse.testkit.google.CloudRunOptions;
import dev.gatehouse.testkit.google.FakeCloudRun;
import dev.gatehouse.testkit.google.FakeGoogle;
import dev.gatehouse.testkit.google.FakeServiceAccount;
import dev.gatehouse.testkit.google.ReceivedRequest;

/** The decision, the token source and a private Cloud Run service together, as the pipeline will use them. */
class SigningEndToEndTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private FakeGoogle google;
    private Vertx vertx;
    private GoogleIdTokens tokens;
    private FakeServiceAccount aAccount;
    private FakeCloudRun aService;
    private final Tenant a = tenant("acme", false);
    private final Tenant b = tenant("bravo", true);

    @BeforeEach
    void start() {
        google = FakeGoogle.start();
        vertx = Vertx.vertx();
        aAccount = google.createServiceAccount("invoker@acme-prod.iam.gserviceaccount.com");
        aService = google.startCloudRun(
                CloudRunOptions.privateService("https://acme-hello-4ab5cd6ef7-uc.a.run.app", aAccount.email()));
        GoogleEndpoints endpoints =
                new GoogleEndpoints(google.metadataUri(), google.tokenUri().resolve("/"), google.iamCredentialsUri());
        tokens = GoogleIdTokens.create(vertx, GoogleIdTokens.Options.defaults(
                new GoogleCredentialsOptions(Optional.empty(), new LoopbackTransport(endpoints)), Clock.systemUTC()));
    }

    @AfterEach
    void stop() throws Exception {
        tokens.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        google.close();
    }

    @Test
    void theTenantsRequestReachesItsPrivateServiceWithTheTokenBesideTheApplicationsOwnAuthorization()
            throws Exception {
        Upstream hello = upstream(a, "hello", aService.url(), signedAs(aAccount.email()), 0);
        UpstreamSigning signing = new UpstreamSigning(SigningClaims.of(List.of(config(a, hello))));
        SigningDecision.Sign sign = (SigningDecision.Sign) signing.decide(a, hello);

        IdToken token = await(tokens.idToken(sign.identity(), sign.audience()));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(aService.uri().resolve("/orders"))
                .header(sign.headerName(), sign.headerValue(token.value()))
                .header("Authorization", "Bearer app-session-123").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        ReceivedRequest received = aService.received().get(0);
        assertThat(received.header("Authorization")).isEqualTo("Bearer app-session-123");
        assertThat(received.header("X-Serverless-Authorization")).startsWith("Bearer ey");
    }

    @Test
    void tenantBCannotMakeTheGatewaySignForTenantAsService() throws Exception {
        Upstream aHello = upstream(a, "hello", aService.url(), signedAs(aAccount.email()), 0);
        Upstream bWithAsAccount = upstream(b, "x", "https://bravo-4ab5cd6ef7-uc.a.run.app",
                signedAs(aAccount.email()), 10);
        Upstream bWithGatewayIdentity = upstream(b, "y", aService.url(), signedAs(null), 11);
        UpstreamSigning signing = new UpstreamSigning(SigningClaims.of(
                List.of(config(a, aHello), config(b, bWithAsAccount, bWithGatewayIdentity))));

        assertThat(signing.decide(b, bWithAsAccount)).isInstanceOf(SigningDecision.Refused.class);
        assertThat(signing.decide(b, bWithGatewayIdentity)).isInstanceOf(SigningDecision.Refused.class);
        assertThat(google.generateIdTokenCalls()).isEmpty();
        assertThat(google.totalMints()).isZero();
    }

    @Test
    void anIdentityWithoutRunInvokerIsTurnedAwayByCloudRunWithTheReason() throws Exception {
        FakeServiceAccount other = google.createServiceAccount("other@acme-prod.iam.gserviceaccount.com");

        IdToken token = await(tokens.idToken(SigningIdentity.serviceAccount(other.email()), aService.url()));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(aService.uri().resolve("/"))
                .header("X-Serverless-Authorization", "Bearer " + token.value()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(aService.rejections()).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains(other.email(), "roles/run.invoker"));
        assertThat(aService.received()).isEmpty();
    }
}
