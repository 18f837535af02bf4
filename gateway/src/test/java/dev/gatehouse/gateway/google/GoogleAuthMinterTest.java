package dev.gatehouse.gateway.google;

import static dev.gatehouse.gateway.google.CachingIdTokenSourceTest.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.gatehouse.core.cloudrun.SigningIdentity;
import dev.gatehouse.testkit.ClosedPort;
import dev.gatehouse.testkit.google.CloudRunOptions;
import dev.gatehouse.testkit.google.FakeCloudRun;
import dev.gatehouse.testkit.google.FakeGoogle;
import dev.gatehouse.testkit.google.FakeServiceAccount;
import dev.gatehouse.testkit.google.GenerateIdTokenCall;
import dev.gatehouse.testkit.google.Jwt;

class GoogleAuthMinterTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static FakeGoogle google;
    private static Vertx vertx;
    private GoogleIdTokens tokens;

    @BeforeAll
    static void startGoogle() {
        google = FakeGoogle.start();
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopGoogle() throws Exception {
        google.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void closeTokens() {
        if (tokens != null) {
            tokens.close();
        }
    }

    private static GoogleEndpoints fakes() {
        return new GoogleEndpoints(google.metadataUri(), google.tokenUri().resolve("/"), google.iamCredentialsUri());
    }

    private GoogleIdTokens tokens(Optional<Path> keyFile, LoopbackTransport transport) {
        tokens = GoogleIdTokens.create(vertx, GoogleIdTokens.Options.defaults(
                new GoogleCredentialsOptions(keyFile, transport), Clock.systemUTC()));
        return tokens;
    }

    /** Asks from an event loop, as the pipeline will. */
    private static Future<IdToken> fromEventLoop(IdTokenSource source, SigningIdentity identity, String audience) {
        Context context = vertx.getOrCreateContext();
        return Future.<Future<IdToken>>future(p -> context.runOnContext(v -> p.complete(
                source.idToken(identity, audience)))).compose(f -> f);
    }

    @Test
    void gatewayIdentityFromTheMetadataServerIsAcceptedByCloudRunAndNeverMintedOnAnEventLoop() throws Exception {
        FakeCloudRun service = google.startCloudRun(CloudRunOptions.privateService(
                "https://metadata-abc123-uc.a.run.app", google.metadataAccount().email()));
        LoopbackTransport transport = new LoopbackTransport(fakes());

        IdToken token = await(fromEventLoop(tokens(Optional.empty(), transport), SigningIdentity.gateway(),
                service.url()));

        assertThat(invoke(service, token).statusCode()).isEqualTo(200);
        assertThat(service.received()).hasSize(1);
        assertThat(Jwt.parse(token.value()).claims().getString("email")).isEqualTo(google.metadataAccount().email());
        assertThat(transport.connections()).anySatisfy(c -> assertThat(c.url().getPath())
                .endsWith("/service-accounts/default/identity"));
        assertThat(transport.connections()).allSatisfy(c -> {
            assertThat(c.onEventLoop()).as(c.thread()).isFalse();
            assertThat(c.thread()).startsWith(GoogleIdTokens.POOL_NAME);
        });
    }

    @Test
    void gatewayIdentityFromAServiceAccountKeyFileUsesTheTokenEndpoint(@TempDir Path dir) throws Exception {
        FakeServiceAccount account = google.createServiceAccount("gateway-key@ops.iam.gserviceaccount.com");
        FakeCloudRun service = google.startCloudRun(
                CloudRunOptions.privateService("https://keyfile-abc123-uc.a.run.app", account.email()));
        LoopbackTransport transport = new LoopbackTransport(fakes());

        IdToken token = await(tokens(Optional.of(google.writeKeyFile(account, dir)), transport)
                .idToken(SigningIdentity.gateway(), service.url()));

        assertThat(invoke(service, token).statusCode()).isEqualTo(200);
        assertThat(google.mints(account.email(), service.url())).isEqualTo(1);
        assertThat(transport.connections()).extracting(c -> c.url().getPath()).containsOnly("/token");
    }

    @Test
    void aTenantServiceAccountIsImpersonatedThroughIamCredentialsWithTheGatewayAsCaller() throws Exception {
        FakeServiceAccount tenant = google.createServiceAccount("run-invoker@tenant-a.iam.gserviceaccount.com");
        FakeCloudRun service = google.startCloudRun(
                CloudRunOptions.privateService("https://tenant-a-abc123-uc.a.run.app", tenant.email()));

        IdToken token = await(fromEventLoop(tokens(Optional.empty(), new LoopbackTransport(fakes())),
                SigningIdentity.serviceAccount(tenant.email()), service.url()));

        assertThat(invoke(service, token).statusCode()).isEqualTo(200);
        assertThat(google.generateIdTokenCalls()).contains(
                new GenerateIdTokenCall(google.metadataAccount().email(), tenant.email(), service.url(), 200));
        assertThat(google.mints(google.metadataAccount().email(), service.url())).isZero();
    }

    @Test
    void withAKeyFileTheKeysAccountIsTheCallerThatImpersonates(@TempDir Path dir) throws Exception {
        FakeServiceAccount gateway = google.createServiceAccount("gateway-caller@ops.iam.gserviceaccount.com");
        FakeServiceAccount tenant = google.createServiceAccount("run-invoker@tenant-k.iam.gserviceaccount.com");
        String audience = "https://tenant-k-abc123-uc.a.run.app";

        IdToken token = await(tokens(Optional.of(google.writeKeyFile(gateway, dir)), new LoopbackTransport(fakes()))
                .idToken(SigningIdentity.serviceAccount(tenant.email()), audience));

        assertThat(Jwt.parse(token.value()).claims().getString("email")).isEqualTo(tenant.email());
        assertThat(google.generateIdTokenCalls())
                .contains(new GenerateIdTokenCall(gateway.email(), tenant.email(), audience, 200));
    }

    @Test
    void withoutTokenCreatorOnTheTenantAccountTheFailureSaysWhichRoleIsMissing() {
        FakeServiceAccount tenant = google.createServiceAccount("run-invoker@tenant-b.iam.gserviceaccount.com");
        google.revokeTokenCreator(google.metadataAccount().email(), tenant.email());
        String audience = "https://tenant-b-abc123-uc.a.run.app";

        assertThatThrownBy(() -> await(tokens(Optional.empty(), new LoopbackTransport(fakes()))
                .idToken(SigningIdentity.serviceAccount(tenant.email()), audience)))
                .isInstanceOf(IdTokenUnavailableException.class)
                .hasMessageStartingWith("could not obtain a Google ID token for audience " + audience
                        + " as service account " + tenant.email() + ": ")
                .hasMessageContaining("403")
                .hasMessageContaining("iam.serviceAccounts.getOpenIdToken")
                .hasMessageContaining("needs roles/iam.serviceAccountTokenCreator on " + tenant.email());
        assertThat(google.mints(tenant.email(), audience)).isZero();
    }

    @Test
    void withoutKeyFileOrMetadataServerTheFailureSaysThereAreNoCredentials() throws Exception {
        try (ClosedPort closed = ClosedPort.reserve()) {
            GoogleEndpoints nowhere = new GoogleEndpoints(URI.create(closed.httpUrl()),
                    google.tokenUri().resolve("/"), google.iamCredentialsUri());

            assertThatThrownBy(() -> await(tokens(Optional.empty(), new LoopbackTransport(nowhere))
                    .idToken(SigningIdentity.gateway(), "https://x-abc123-uc.a.run.app")))
                    .isInstanceOf(IdTokenUnavailableException.class)
                    .hasMessageStartingWith("could not obtain a Google ID token for audience"
                            + " https://x-abc123-uc.a.run.app as the gateway's own identity: no Google credentials:"
                            + " no service-account key file is configured (GATEHOUSE_GOOGLE_CREDENTIALS or"
                            + " GOOGLE_APPLICATION_CREDENTIALS) and no metadata server answered");
        }
    }

    @Test
    void aMissingKeyFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("absent.json");

        assertThatThrownBy(() -> await(tokens(Optional.of(missing), new LoopbackTransport(fakes()))
                .idToken(SigningIdentity.gateway(), "https://x-abc123-uc.a.run.app")))
                .isInstanceOf(IdTokenUnavailableException.class)
                .hasMessageContaining("the service-account key file " + missing + " does not exist");
    }

    private static HttpResponse<String> invoke(FakeCloudRun service, IdToken token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(service.uri().resolve("/"))
                .header("X-Serverless-Authorization", "Bearer " + token.value()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theGatewaysOwnServiceAccountComesFromTheMetadataServerOrTheKeyFile(@TempDir Path dir) throws Exception {
        FakeServiceAccount account = google.createServiceAccount("gateway-email@ops.iam.gserviceaccount.com");

        Optional<String> fromMetadata = tokens(Optional.empty(), new LoopbackTransport(fakes()))
                .gatewayServiceAccount().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        tokens.close();
        Optional<String> fromKeyFile = tokens(Optional.of(google.writeKeyFile(account, dir)),
                new LoopbackTransport(fakes()))
                .gatewayServiceAccount().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(fromMetadata).contains(google.metadataAccount().email());
        assertThat(fromKeyFile).contains(account.email());
    }
}
