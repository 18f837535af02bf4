package dev.gatehouse.gateway.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.gatehouse.core.cloudrun.SigningIdentity;
import dev.gatehouse.testkit.MutableClock;

class CachingIdTokenSourceTest {

    private static final String AUDIENCE = "https://hello-abc123-uc.a.run.app";
    private static final SigningIdentity TENANT_SA = SigningIdentity.serviceAccount("run@tenant-a.iam.gserviceaccount.com");

    private final MutableClock clock = MutableClock.startingNow();
    private final CountingMinter minter = new CountingMinter(clock);
    private final RecordingTokenStore store = new RecordingTokenStore();
    private Vertx vertx;
    private GoogleIdTokens tokens;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        tokens = GoogleIdTokens.create(vertx, minter, new GoogleIdTokens.Options(
                GoogleCredentialsOptions.fromEnvironment(java.util.Map.of()), IdTokenCacheOptions.DEFAULTS, store,
                clock, 2));
    }

    @AfterEach
    void stop() throws Exception {
        tokens.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void fiftyConcurrentRequestsFromTwoEventLoopsCauseOneMintAndCompleteOnTheirOwnContext() throws Exception {
        minter.hold();
        Context first = vertx.getOrCreateContext();
        Context second = vertx.getOrCreateContext();
        List<CompletableFuture<Boolean>> sameContext = new ArrayList<>();
        List<CompletableFuture<String>> values = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Context context = i % 2 == 0 ? first : second;
            CompletableFuture<Boolean> onOwnContext = new CompletableFuture<>();
            CompletableFuture<String> value = new CompletableFuture<>();
            context.runOnContext(v -> tokens.idToken(TENANT_SA, AUDIENCE).onComplete(result -> {
                onOwnContext.complete(Vertx.currentContext() == context);
                if (result.succeeded()) {
                    value.complete(result.result().value());
                } else {
                    value.completeExceptionally(result.cause());
                }
            }));
            sameContext.add(onOwnContext);
            values.add(value);
        }
        // Every request has reached the source before the single mint is let through.
        CompletableFuture<Void> allAsked = new CompletableFuture<>();
        first.runOnContext(v -> second.runOnContext(w -> allAsked.complete(null)));
        allAsked.get(30, TimeUnit.SECONDS);
        minter.open();

        for (CompletableFuture<String> value : values) {
            assertThat(value.get(30, TimeUnit.SECONDS)).isEqualTo(TENANT_SA.key() + "|" + AUDIENCE + "|1");
        }
        for (CompletableFuture<Boolean> onOwnContext : sameContext) {
            assertThat(onOwnContext.get(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(minter.mints()).isEqualTo(1);
        assertThat(minter.onEventLoop()).containsOnly(false);
    }

    @Test
    void twoHundredConcurrentRequestsForACachedTokenNeverReachTheMinter() throws Exception {
        IdToken cached = await(tokens.idToken(TENANT_SA, AUDIENCE));
        minter.hold();
        try {
            Context first = vertx.getOrCreateContext();
            Context second = vertx.getOrCreateContext();
            List<CompletableFuture<IdToken>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                CompletableFuture<IdToken> answer = new CompletableFuture<>();
                (i % 2 == 0 ? first : second).runOnContext(v -> tokens.idToken(TENANT_SA, AUDIENCE)
                        .onSuccess(answer::complete).onFailure(answer::completeExceptionally));
                answers.add(answer);
            }

            // A request that reached the held minter would not answer before the gate opens.
            for (CompletableFuture<IdToken> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(cached);
            }
        } finally {
            minter.open();
        }
        assertThat(minter.mints()).isEqualTo(1);
        assertThat(minter.onEventLoop()).as("calls to the minter").hasSize(1);
    }

    @Test
    void reusesATokenUntilShortlyBeforeExpiryThenMintsAnew() throws Exception {
        IdToken first = await(tokens.idToken(TENANT_SA, AUDIENCE));

        clock.advance(Duration.ofMinutes(54));
        assertThat(await(tokens.idToken(TENANT_SA, AUDIENCE))).isEqualTo(first);
        assertThat(minter.mints()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(5).plusSeconds(30));
        IdToken second = await(tokens.idToken(TENANT_SA, AUDIENCE));

        assertThat(second).isNotEqualTo(first);
        assertThat(second.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        assertThat(minter.mints()).isEqualTo(2);
    }

    @Test
    void refreshesAheadOfExpiryInTheBackgroundWhileHandingOutTheCachedToken() throws Exception {
        IdToken first = await(tokens.idToken(TENANT_SA, AUDIENCE));
        clock.advance(Duration.ofMinutes(56));
        CompletableFuture<IdToken> refreshed = store.nextPut();

        IdToken during = await(tokens.idToken(TENANT_SA, AUDIENCE));
        IdToken renewed = refreshed.get(30, TimeUnit.SECONDS);
        IdToken after = await(tokens.idToken(TENANT_SA, AUDIENCE));

        assertThat(during).isEqualTo(first);
        assertThat(renewed).isNotEqualTo(first);
        assertThat(after).isEqualTo(renewed);
        assertThat(minter.mints()).isEqualTo(2);
    }

    @Test
    void keysAreIdentityAndAudience() throws Exception {
        IdToken a = await(tokens.idToken(TENANT_SA, AUDIENCE));
        IdToken b = await(tokens.idToken(TENANT_SA, "https://other-abc123-uc.a.run.app"));
        IdToken c = await(tokens.idToken(SigningIdentity.gateway(), AUDIENCE));
        IdToken again = await(tokens.idToken(SigningIdentity.serviceAccount("run@tenant-a.iam.gserviceaccount.com"),
                AUDIENCE));

        assertThat(List.of(a.value(), b.value(), c.value())).doesNotHaveDuplicates();
        assertThat(again).isEqualTo(a);
        assertThat(minter.mints()).isEqualTo(3);
    }

    @Test
    void aFailureIsExplainedRememberedBrieflyAndThenRetried() throws Exception {
        minter.failWith("metadata server said no");

        assertThatThrownBy(() -> await(tokens.idToken(TENANT_SA, AUDIENCE)))
                .isInstanceOf(IdTokenUnavailableException.class)
                .hasMessage("could not obtain a Google ID token for audience " + AUDIENCE
                        + " as service account run@tenant-a.iam.gserviceaccount.com: metadata server said no");
        assertThatThrownBy(() -> await(tokens.idToken(TENANT_SA, AUDIENCE)))
                .hasMessageEndingWith("metadata server said no");
        assertThat(minter.mints()).isEqualTo(1);

        minter.succeed();
        clock.advance(IdTokenCacheOptions.DEFAULTS.failureTtl());
        IdToken token = await(tokens.idToken(TENANT_SA, AUDIENCE));

        assertThat(token.value()).endsWith("|2");
        assertThat(minter.mints()).isEqualTo(2);
    }

    @Test
    void aFailedRefreshAheadKeepsServingTheValidToken() throws Exception {
        IdToken first = await(tokens.idToken(TENANT_SA, AUDIENCE));
        minter.failWith("IAM is down");
        clock.advance(Duration.ofMinutes(56));

        IdToken during = await(tokens.idToken(TENANT_SA, AUDIENCE));
        IdToken stillDuring = await(tokens.idToken(TENANT_SA, AUDIENCE));

        assertThat(during).isEqualTo(first);
        assertThat(stillDuring).isEqualTo(first);
    }

    static IdToken await(Future<IdToken> future) throws Exception {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
