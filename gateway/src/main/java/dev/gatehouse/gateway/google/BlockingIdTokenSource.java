package dev.gatehouse.gateway.google;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;

import dev.gatehouse.core.cloudrun.SigningIdentity;

/** Runs a blocking {@link IdTokenMinter} on a worker pool, never on an event loop; no caching. */
public final class BlockingIdTokenSource implements IdTokenSource {

    private final IdTokenMinter minter;
    private final WorkerExecutor workers;

    public BlockingIdTokenSource(IdTokenMinter minter, WorkerExecutor workers) {
        this.minter = minter;
        this.workers = workers;
    }

    @Override
    public Future<IdToken> idToken(SigningIdentity identity, String audience) {
        return workers.executeBlocking(() -> {
            try {
                return minter.mint(identity, audience);
            } catch (IdTokenUnavailableException e) {
                throw e;
            } catch (Exception e) {
                throw new IdTokenUnavailableException(identity, audience, Causes.describe(e), e);
            }
        }, false);
    }
}
