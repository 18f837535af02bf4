package dev.gatehouse.gateway.authn;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;

import dev.gatehouse.core.config.Hostname;
import dev.gatehouse.core.config.Idp;
import dev.gatehouse.core.config.ResourceMeta;
import dev.gatehouse.core.config.Tenant;
import dev.gatehouse.core.config.TenantConfig;
import dev.gatehouse.core.crypto.SecretBox;
import dev.gatehouse.gateway.pages.RequestIds;
import dev.gatehouse.gateway.session.SessionLifetimes;
import dev.gatehouse.gateway.session.SessionStore;
import dev.gatehouse.gateway.session.TestClock;
import dev.gatehouse.testkit.oidc.FakeOidcProvider;
import dev.gatehouse.testkit.oidc.IssuedIdentity;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * A real gateway on 127.0.0.1 for login tests: two tenants ("acme" with hostnames app (authenticate), docs and
 * wiki; "other" with one hostname), each with its own issuer at the fake OIDC provider, and a trivial protected
 * handler answering {@code {"host","sub","email","path"}} once authenticated. The scheme comes from
 * {@code X-Forwarded-Proto} (the test client is the trusted proxy).
 */
final class GatewayFixture implements AutoCloseable {

    static final String APP = "app.acme.test";
    static final String DOCS = "docs.acme.test";
    static final String WIKI = "wiki.acme.test";
    static final String OTHER = "app.other.test";
    static final String CLIENT_ID = "gatehouse-acme";
    static final String OTHER_CLIENT_ID = "gatehouse-other";
    static final SessionLifetimes LIFETIMES = new SessionLifetimes(Duration.ofMinutes(30), Duration.ofHours(8));
    private static final Duration IDP_DISCOVERY_DEADLINE = Duration.ofSeconds(120);

    final Vertx vertx = Vertx.vertx();
    final TestClock clock = new TestClock();
    final FakeOidcProvider provider;
    final String issuerId = "acme-" + UUID.randomUUID();
    final String otherIssuerId = "other-" + UUID.randomUUID();
    final TenantConfig acme;
    final TenantConfig other;
    final AuthenticationOptions options;
    final Authentication authentication;
    private final Map<String, TenantConfig> tenantsByHost = new HashMap<>();
    private final HttpServer server;

    private GatewayFixture(FakeOidcProvider provider, UnaryOperator<SessionStore> sessionStore) {
        this.provider = provider;
        byte[] masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);
        SecretBox secrets = new SecretBox(masterKey);
        this.acme = tenant("acme", List.of(APP, DOCS, WIKI), provider.issuer(issuerId), CLIENT_ID, secrets);
        this.other = tenant("other", List.of(OTHER), provider.issuer(otherIssuerId), OTHER_CLIENT_ID, secrets);
        List.of(acme, other).forEach(t -> t.hostnames().forEach(h -> tenantsByHost.put(h.hostname(), t)));
        AuthenticationOptions inMemory = AuthenticationOptions.inMemory(masterKey, LIFETIMES, clock);
        this.options = new AuthenticationOptions(sessionStore.apply(inMemory.sessions()), inMemory.pendingLogins(),
                inMemory.handoffReplays(), inMemory.secrets(), inMemory.handoffKey(), LIFETIMES, clock);
        this.authentication = Authentication.create(vertx, options);
        this.server = TestBrowser.await(vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1"))
                .requestHandler(this::handle)
                .listen(0));
    }

    static GatewayFixture start(FakeOidcProvider provider) {
        return start(provider, UnaryOperator.identity());
    }

    /** A gateway whose in-memory session store is wrapped, to stage what other requests do meanwhile. */
    static GatewayFixture start(FakeOidcProvider provider, UnaryOperator<SessionStore> sessionStore) {
        GatewayFixture fixture = new GatewayFixture(provider, sessionStore);
        fixture.awaitIdpDiscovered(APP, fixture.issuer());
        fixture.awaitIdpDiscovered(OTHER, provider.issuer(fixture.otherIssuerId));
        return fixture;
    }

    /**
     * Waits until a sign-in on {@code host} redirects to the IdP at {@code issuer}. The gateway discovers an IdP on
     * the first sign-in, giving up after 10 s and trying again only 10 s later; on a loaded machine that first
     * discovery was seen to time out (the fake provider generates an RSA key for each new issuer when its JWKS is
     * first asked for), failing whichever sign-in of the test came first.
     */
    private void awaitIdpDiscovered(String host, String issuer) {
        String signIn = url(host, "/.gatehouse/sign_in?idp=main&return_to=" + LoginUrls.encode(url(host, "/")));
        long deadline = System.nanoTime() + IDP_DISCOVERY_DEADLINE.toNanos();
        while (true) {
            TestBrowser.Response answer = browser().get(signIn);
            if (answer.status() == 302 && answer.location().startsWith(issuer + "/authorize?")) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("within " + IDP_DISCOVERY_DEADLINE.toSeconds() + " s " + signIn
                        + " did not redirect to the IdP; the last answer was " + answer.status());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    int port() {
        return server.actualPort();
    }

    String url(String host, String pathAndQuery) {
        return "http://" + host + ":" + port() + pathAndQuery;
    }

    String issuer() {
        return provider.issuer(issuerId);
    }

    IssuedIdentity signInAs() {
        return provider.signInAs(issuerId);
    }

    TestBrowser browser() {
        return new TestBrowser(vertx);
    }

    private void handle(HttpServerRequest request) {
        Optional<PublicOrigin> origin = PublicOrigin.of(request,
                SchemePolicy.forwardedProtoFrom(peer -> peer.equals("127.0.0.1")));
        TenantConfig tenant = origin.map(o -> tenantsByHost.get(o.host())).orElse(null);
        if (tenant == null) {
            request.response().setStatusCode(404).end("no route for this host\n");
            return;
        }
        if (GatewayPaths.matches(request.path())) {
            authentication.gatewayPaths().handle(request, tenant, origin.get());
            return;
        }
        authentication.authenticator().authenticate(request, tenant, tenant.idps().get(0), origin.get())
                .onFailure(error -> request.response().setStatusCode(500).end())
                .onSuccess(result -> {
                    if (result instanceof AuthResult.Challenge challenge) {
                        challenge.send(request, RequestIds.next());
                    } else if (result instanceof AuthResult.Authenticated authenticated) {
                        Identity identity = authenticated.identity();
                        request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                                .put("host", origin.get().host())
                                .put("sub", identity.user().sub())
                                .put("email", identity.user().email())
                                .put("groups", identity.user().groups())
                                .put("source", identity.source().name())
                                .put("path", request.uri())
                                .encode());
                    }
                });
    }

    static TenantConfig tenant(String slug, List<String> hostnames, String issuer, String clientId,
            SecretBox secrets) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        Tenant tenant = new Tenant(id, slug, slug.toUpperCase() + " Inc.", "it@" + slug + ".test", hostnames.get(0),
                false, 1, 1, now, now);
        Idp idp = new Idp(new ResourceMeta(UUID.randomUUID(), id, 1, now, now), "main", issuer, clientId,
                secrets.seal(slug + "-client-secret", Idp.secretAad(id, "main")), List.of("openid", "email", "profile"),
                "groups");
        List<Hostname> names = hostnames.stream().map(h -> new Hostname(id, h, 1, now)).toList();
        return new TenantConfig(tenant, names, List.of(idp), List.of(), List.of());
    }

    @Override
    public void close() {
        TestBrowser.await(authentication.close());
        TestBrowser.await(vertx.close());
    }
}
