package dev.gatehouse.gateway.authn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.gatehouse.core.config.Idp;
import dev.gatehouse.core.config.ResourceMeta;
import dev.gatehouse.core.crypto.SecretBox;
import dev.gatehouse.gateway.harness.FakeIdp;
import dev.gatehouse.gateway.session.TestClock;
import dev.gatehouse.testkit.oidc.FakeOidcProvider;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FakeIdp.class)
class OidcClientsTest {

    private final Vertx vertx = Vertx.vertx();
    private final TestClock clock = new TestClock();
    private final SecretBox box = new SecretBox(new byte[32]);
    private final UUID tenantId = UUID.randomUUID();
    private final OidcClients clients = new OidcClients(vertx, box, clock);
    private final FakeOidcProvider provider;

    OidcClientsTest(FakeOidcProvider provider) {
        this.provider = provider;
    }

    @AfterEach
    void close() {
        TestBrowser.await(clients.close());
        TestBrowser.await(vertx.close());
    }

    @Test
    void anUnchangedIdpKeepsItsClientAndAChangedOneGetsANewOne() {
        Idp idp = idp(provider.issuer("cache-" + UUID.randomUUID()), "client-1", box.seal("s1", Idp.secretAad(tenantId, "main")));
        OidcClient first = await(() -> clients.get(idp));
        OidcClient again = await(() -> clients.get(new Idp(idp.meta(), idp.name(), idp.issuer(), idp.clientId(),
                idp.clientSecretSealed(), idp.scopes(), idp.groupsClaim())));

        Idp changed = new Idp(idp.meta().updated(Instant.now()), "main", idp.issuer(), "client-2",
                idp.clientSecretSealed(), idp.scopes(), idp.groupsClaim());
        OidcClient rebuilt = await(() -> clients.get(changed));

        assertThat(again).isSameAs(first);
        assertThat(rebuilt).isNotSameAs(first);
        assertThat(rebuilt.authorizationUrl("http://app/.gatehouse/callback", "state", "nonce", "challenge"))
                .contains("client_id=client-2").contains("nonce=nonce").contains("code_challenge_method=S256");
    }

    @Test
    void aFailedDiscoveryIsRetriedOnlyAfterAPause() {
        Idp unreachable = idp("http://127.0.0.1:9/nothing", "client-1", null);

        // Nothing answers there, so no response body is read off the event loop.
        Future<OidcClient> first = clients.get(unreachable);
        awaitFailure(first);
        Future<OidcClient> soon = clients.get(unreachable);
        clock.advance(OidcClients.RETRY_AFTER.plus(Duration.ofSeconds(1)));
        Future<OidcClient> later = clients.get(unreachable);
        awaitFailure(later);

        assertThat(soon).isSameAs(first);
        assertThat(later).isNotSameAs(first);
    }

    @Test
    void aClientSecretSealedForAnotherIdpDoesNotOpen() {
        Idp idp = idp(provider.issuer("secret-" + UUID.randomUUID()), "client-1",
                box.seal("the-secret", Idp.secretAad(tenantId, "another-idp")));

        Throwable failure = awaitFailure(onContext(() -> clients.get(idp)));

        assertThat(failure).hasMessageContaining("does not open").hasMessageNotContaining("the-secret");
    }

    private Idp idp(String issuer, String clientId, byte[] sealedSecret) {
        Instant now = Instant.now();
        return new Idp(new ResourceMeta(UUID.randomUUID(), tenantId, 1, now, now), "main", issuer, clientId,
                sealedSecret, List.of("openid"), "groups");
    }

    /** Runs on a Vert.x context, as the gateway does (see TestBrowser about Vert.x 5.0.10 and other threads). */
    private <T> Future<T> onContext(Supplier<Future<T>> action) {
        Promise<T> promise = Promise.promise();
        vertx.getOrCreateContext().runOnContext(v -> action.get().onComplete(promise));
        return promise.future();
    }

    private <T> T await(Supplier<Future<T>> action) {
        return TestBrowser.await(onContext(action));
    }

    private static Throwable awaitFailure(Future<?> future) {
        try {
            future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError("did not complete", e);
        }
        throw new AssertionError("expected a failure");
    }
}
