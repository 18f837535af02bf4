package dev.gatehouse.gateway.identity;

import dev.gatehouse.core.crypto.SecretBox;
import dev.gatehouse.core.store.SigningKey;
import dev.gatehouse.core.store.SigningKeyStore;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads tenants' signing keys from the store into {@link TenantKeyRing}s, creating the first key of a tenant that
 * has none (tenants created before signing keys existed, or never asked for yet). Runs at load time, never per
 * request.
 */
public final class KeyRingLoader {
    private static final Logger LOG = LoggerFactory.getLogger(KeyRingLoader.class);

    private final SigningKeyStore store;
    private final SecretBox secrets;

    public KeyRingLoader(SigningKeyStore store, SecretBox secrets) {
        this.store = Objects.requireNonNull(store, "store");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    /** @return fails with {@link dev.gatehouse.core.store.TenantGone} when the tenant does not exist */
    public Future<TenantKeyRing> load(UUID tenantId) {
        return store.ensurePublished(tenantId).map(keys -> TenantKeyRing.of(tenantId, keys, secrets));
    }

    /**
     * Rings for {@code tenantIds}: one query for the keys of every tenant, then one ensure per tenant that lacks an
     * active key. A tenant whose keys cannot be loaded (deleted meanwhile, a row that fails its checks) is logged and
     * left out, so it fails closed without keeping every other tenant from loading.
     */
    public Future<Map<UUID, TenantKeyRing>> loadAll(Collection<UUID> tenantIds) {
        return store.publishedEveryTenant().compose(everyTenant -> {
            Map<UUID, TenantKeyRing> rings = new HashMap<>();
            List<Future<TenantKeyRing>> missing = new ArrayList<>();
            for (UUID tenantId : tenantIds) {
                List<SigningKey> keys = everyTenant.getOrDefault(tenantId, List.of());
                if (keys.stream().noneMatch(SigningKey::active)) {
                    missing.add(load(tenantId).onFailure(e -> logFailure(tenantId, e)));
                    continue;
                }
                try {
                    rings.put(tenantId, TenantKeyRing.of(tenantId, keys, secrets));
                } catch (RuntimeException e) {
                    logFailure(tenantId, e);
                }
            }
            return Future.join(missing).transform(done -> {
                missing.stream().filter(Future::succeeded)
                        .forEach(ring -> rings.put(ring.result().tenantId(), ring.result()));
                return Future.succeededFuture(Map.copyOf(rings));
            });
        });
    }

    private static void logFailure(UUID tenantId, Throwable error) {
        LOG.error("cannot load the signing keys of tenant {}; its identity assertions fail until it reloads",
                tenantId, error);
    }
}
