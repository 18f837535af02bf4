package dev.gatehouse.gateway.pipeline;

import dev.gatehouse.core.session.SessionDirectory;
import dev.gatehouse.core.crypto.SecretBox;
import dev.gatehouse.core.store.ConfigStore;
import dev.gatehouse.core.store.SigningKeyStore;
import dev.gatehouse.gateway.accesslog.AccessLog;
import dev.gatehouse.gateway.accesslog.AccessLogOptions;
import dev.gatehouse.gateway.authn.Authentication;
import dev.gatehouse.gateway.authn.AuthenticationOptions;
import dev.gatehouse.gateway.authn.SchemePolicy;
import dev.gatehouse.gateway.config.ConfigRegistryOptions;
import dev.gatehouse.gateway.config.ListeningConfigRegistry;
import dev.gatehouse.gateway.config.TenantChange;
import dev.gatehouse.gateway.config.TenantSnapshot;
import dev.gatehouse.gateway.google.CloudRunRefusals;
import dev.gatehouse.gateway.google.GoogleIdTokens;
import dev.gatehouse.gateway.identity.AssertionCache;
import dev.gatehouse.gateway.identity.IdentityAssertionSigner;
import dev.gatehouse.gateway.identity.KeyRingLoader;
import dev.gatehouse.gateway.identity.KeyRings;
import dev.gatehouse.gateway.proxy.TrustedPeers;
import dev.gatehouse.gateway.proxy.UpstreamProxy;
import dev.gatehouse.gateway.proxy.UpstreamProxyOptions;
import dev.gatehouse.gateway.session.SessionCookie;
import dev.gatehouse.gateway.session.SessionLifetimes;
import dev.gatehouse.gateway.session.StoreSessionDirectory;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data plane, assembled: the configuration registry (snapshots swapped on change events), the tenants' key
 * rings, login and sessions, Google ID tokens, the proxy and the access log, and the request chain on top of them.
 * Parts that follow the configuration are refreshed when a tenant's snapshot changes: who may sign for which Cloud
 * Run service at once, key rings asynchronously (a ring being reloaded keeps serving). A brand-new tenant's hosts
 * serve as soon as its snapshot is published, before its first ring has loaded: the requests that need the ring
 * (JWKS, signed assertions) wait for that load ({@link KeyRings#ready}) rather than the snapshot waiting for it,
 * because publishing is one queue for every tenant and one tenant's slow or failing key load must not hold back
 * everyone's configuration changes.
 *
 * <p>One handler serves every event loop of the gateway port at once: the parts it shares are lock-free and safe
 * across threads (concurrent maps of immutable values, snapshots and decisions published through volatile fields,
 * an upstream client per event loop), and a future shared between requests is delivered on each request's own
 * context, so a request stays on its connection's event loop from start to end.
 */
public final class DataPlane {
    private static final Logger LOG = LoggerFactory.getLogger(DataPlane.class);

    private final ListeningConfigRegistry registry;
    private final KeyRings keyRings;
    private final Authentication authentication;
    private final SessionDirectory sessionDirectory;
    private final GoogleIdTokens idTokens;
    private final UpstreamProxy proxy;
    private final AccessLog accessLog;
    private final GatewayHandler handler;
    private volatile SigningDecisions signingDecisions = SigningDecisions.none();

    private DataPlane(Vertx vertx, DataPlaneOptions options) {
        SecretBox secrets = new SecretBox(options.masterKey());
        ConfigStore store = new ConfigStore(options.pool(), options.clock());
        this.registry = new ListeningConfigRegistry(vertx, ConfigRegistryOptions.of(store, options.listenTo()));
        this.keyRings = new KeyRings(new KeyRingLoader(new SigningKeyStore(store, secrets), secrets));
        AuthenticationOptions authn = AuthenticationOptions.inMemory(options.masterKey(), SessionLifetimes.DEFAULT,
                options.clock());
        this.authentication = Authentication.create(vertx, authn);
        this.sessionDirectory = new StoreSessionDirectory(authn.sessions());
        this.idTokens = GoogleIdTokens.create(vertx, GoogleIdTokens.Options.defaults(options.google(), options.clock()));
        TrustedPeers trustedPeers = TrustedPeers.within(options.trustedProxies());
        this.proxy = UpstreamProxy.create(vertx, UpstreamProxyOptions.defaults().withTrustedPeers(trustedPeers)
                .withGatewayCookies(Set.of(SessionCookie.NAME)).withRefusals(new CloudRunRefusals(idTokens)));
        this.accessLog = AccessLog.start(AccessLogOptions.defaults(options.clock()));
        AssertionCache assertions = new AssertionCache(new IdentityAssertionSigner(options.clock()), options.clock(),
                AssertionCache.Options.DEFAULTS);
        UpstreamSigner signer = new UpstreamSigner(vertx, keyRings, assertions, idTokens, () -> signingDecisions);
        this.handler = new GatewayHandler(new DataPlaneParts(registry, authentication, keyRings, signer, proxy,
                accessLog, trustedPeers, SchemePolicy.forwardedProtoFrom(trustedPeers::trustsHostAddress),
                options.clock()));
    }

    /** Loads every tenant's configuration and keys; the future completes when the gateway can serve. */
    public static Future<DataPlane> start(Vertx vertx, DataPlaneOptions options) {
        DataPlane plane = new DataPlane(vertx, options);
        plane.registry.onTenantChanged(plane::tenantChanged);
        return plane.registry.start()
                .compose(started -> plane.keyRings.loadAll(plane.registry.current().tenants().stream()
                        .map(TenantSnapshot::id).toList()))
                .<DataPlane>map(loaded -> {
                    plane.refreshUpstreamSigning();
                    return plane;
                })
                .recover(failure -> vertx.<Void>executeBlocking(() -> {
                    plane.close(Duration.ofSeconds(10));
                    return null;
                }).transform(closed -> Future.failedFuture(failure)));
    }

    public Handler<HttpServerRequest> handler() {
        return handler;
    }

    /** This node's sessions, for the admin API served by the same process. */
    public SessionDirectory sessionDirectory() {
        return sessionDirectory;
    }

    /** True once the first snapshot is loaded (part of /readyz). */
    public boolean isLoaded() {
        return registry.isLoaded();
    }

    private void tenantChanged(TenantChange change) {
        if (change.removed()) {
            keyRings.remove(change.before().id());
        } else {
            keyRings.reload(change.after().id()).onFailure(e ->
                    LOG.warn("signing keys of tenant {} did not reload: {}", change.slug(), e.getMessage()));
        }
        refreshUpstreamSigning();
    }

    private void refreshUpstreamSigning() {
        signingDecisions = SigningDecisions.of(registry.current().tenants());
    }

    /** Stops listening for changes and closes connections; blocking, for shutdown. */
    public void close(Duration timeout) throws Exception {
        long millis = timeout.toMillis();
        registry.stop().toCompletionStage().toCompletableFuture().get(millis, TimeUnit.MILLISECONDS);
        authentication.close().toCompletionStage().toCompletableFuture().get(millis, TimeUnit.MILLISECONDS);
        proxy.close().toCompletionStage().toCompletableFuture().get(millis, TimeUnit.MILLISECONDS);
        idTokens.close();
        accessLog.close(timeout);
    }
}
