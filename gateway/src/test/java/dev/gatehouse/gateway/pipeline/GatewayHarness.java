package dev.gatehouse.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.admin.AdminApi;
import dev.gatehouse.admin.AdminApiOptions;
import dev.gatehouse.core.crypto.SecretBox;
import dev.gatehouse.core.crypto.Tokens;
import dev.gatehouse.core.net.CidrBlock;
import dev.gatehouse.gateway.authn.TestBrowser;
import dev.gatehouse.gateway.google.GoogleCredentialsOptions;
import dev.gatehouse.gateway.google.GoogleEndpoints;
import dev.gatehouse.migrations.DatabaseCoordinates;
import dev.gatehouse.testkit.TestDatabase;
import dev.gatehouse.testkit.oidc.FakeOidcProvider;
import dev.gatehouse.testkit.oidc.IssuedIdentity;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

/**
 * The assembled data plane as it runs in production, on 127.0.0.1: a fresh migrated PostgreSQL database, the admin
 * API (operator token) and {@link DataPlane} on real HTTP servers, the fake OIDC provider it is given (usually the
 * JVM's, see {@link dev.gatehouse.gateway.harness.FakeIdp}) as every tenant's IdP and a {@link RecordingUpstream}
 * behind every route. Tests configure tenants only through the admin API over HTTP and
 * observe the gateway only through HTTP: after a change they poll the gateway (with a deadline) until it answers
 * the way the change implies. One harness per test class; tenants, hostnames and issuers are unique per harness.
 */
final class GatewayHarness implements AutoCloseable {
    static final Duration CHANGE_DEADLINE = Duration.ofSeconds(30);
    static final Duration IDP_DISCOVERY_DEADLINE = Duration.ofSeconds(120);
    static final String CLIENT_SECRET = "client-secret-of-the-tenant";
    static final String UPSTREAM = "app";
    static final String IDP = "main";

    /**
     * What differs between harnesses: where the gateway's own Google identity comes from and which proxies it
     * trusts (none by default: the tests' requests come straight from 127.0.0.1).
     */
    record Options(GoogleCredentialsOptions google, List<CidrBlock> trustedProxies) {
        Options(GoogleCredentialsOptions google) {
            this(google, List.of());
        }

        /** No Google credentials: every Google endpoint is a closed port on 127.0.0.1, so nothing leaves the host. */
        static Options defaults() {
            URI closed = URI.create("http://127.0.0.1:1");
            return new Options(new GoogleCredentialsOptions(Optional.empty(),
                    new GoogleEndpoints(closed, closed, closed).transportFactory()));
        }

        Options trusting(String... proxies) {
            return new Options(google, Stream.of(proxies).map(CidrBlock::parse).toList());
        }
    }

    /** A tenant created through the admin API: its hostnames (the first authenticates), IdP issuer and contact. */
    record TestTenant(String slug, List<String> hostnames, String issuerId, String issuer, String contact) {
        String host() {
            return hostnames.get(0);
        }

        String clientId() {
            return "gatehouse-" + slug;
        }
    }

    /** Who the IdP says signed in. */
    record User(String sub, String email, List<String> groups, Map<String, Object> claims) {
        static User alice() {
            return new User("alice", "alice@acme.test", List.of("staff"), Map.of("dept", "eng"));
        }

        IssuedIdentity issue(IssuedIdentity identity) {
            identity.subject(sub).email(email).groups(groups.toArray(String[]::new));
            claims.forEach(identity::claim);
            return identity;
        }
    }

    final Vertx vertx = Vertx.vertx();
    final FakeOidcProvider idp;
    final RecordingUpstream upstream = RecordingUpstream.start(vertx);
    final AdminClient admin;
    private final Pool pool;
    private final PgConnectOptions database;
    private final DataPlane dataPlane;
    private final HttpServer gateway;
    private final HttpServer adminServer;

    private GatewayHarness(Options options, FakeOidcProvider idp) {
        this.idp = idp;
        DatabaseCoordinates coordinates = TestDatabase.fresh();
        PgConnectOptions connect = TestDatabase.connectOptions(coordinates);
        this.database = connect;
        this.pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(4)).connectingTo(connect).using(vertx).build();
        byte[] masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);
        Clock clock = Clock.systemUTC();
        this.dataPlane = TestBrowser.await(DataPlane.start(vertx,
                new DataPlaneOptions(pool, connect, masterKey, options.google(), clock)
                        .withTrustedProxies(options.trustedProxies())));
        String operatorToken = Tokens.random(32);
        Router adminApi = TestBrowser.await(AdminApi.create(vertx, new AdminApiOptions(pool, operatorToken,
                new SecretBox(masterKey), clock, dataPlane::isLoaded).withSessions(dataPlane.sessionDirectory())));
        this.adminServer = TestBrowser.await(vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1"))
                .requestHandler(adminApi).listen(0));
        this.gateway = TestBrowser.await(vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1"))
                .requestHandler(dataPlane.handler()).listen(0));
        this.admin = new AdminClient(vertx, adminServer.actualPort(), operatorToken);
    }

    static GatewayHarness start(FakeOidcProvider idp) {
        return start(Options.defaults(), idp);
    }

    /** A harness whose tenants sign in at {@code idp}; the caller closes the provider. */
    static GatewayHarness start(Options options, FakeOidcProvider idp) {
        return new GatewayHarness(options, idp);
    }

    /** The gateway's database, for tests that hold something back in it. */
    PgConnectOptions database() {
        return database;
    }

    int port() {
        return gateway.actualPort();
    }

    /** {@code http://HOST:PORT/PATH} on the gateway (the test browser connects to 127.0.0.1 and sends the host). */
    String url(String host, String pathAndQuery) {
        return "http://" + host + ":" + port() + pathAndQuery;
    }

    TestBrowser browser() {
        return new TestBrowser(vertx);
    }

    /** A client that is not a browser: no cookies kept between harness calls, JSON answers. */
    TestBrowser apiClient() {
        return new TestBrowser(vertx).header("Accept", "application/json");
    }

    /**
     * Creates a tenant with these hostnames, an IdP {@value #IDP} at its own issuer of the fake provider and an
     * upstream {@value #UPSTREAM} (the recording upstream under {@code /SLUG}), then waits until the gateway serves
     * the tenant's JWKS on every hostname (its snapshot and signing keys are loaded) and has discovered the IdP.
     */
    TestTenant createTenant(String slug, String... hostnames) {
        TestTenant tenant = defineTenant(slug, hostnames);
        for (String hostname : hostnames) {
            awaitStatus(hostname, "/.well-known/gatehouse/jwks.json", status -> status == 200);
        }
        awaitIdpDiscovered(tenant);
        return tenant;
    }

    /**
     * Waits until a sign-in on the tenant's first hostname redirects to its IdP. The gateway discovers an IdP on the
     * first sign-in, giving up after 10 s and trying again only 10 s later; on a loaded machine that first discovery
     * was seen to time out (the fake provider generates an RSA key for each new issuer when its JWKS is first asked
     * for), failing whichever sign-in came first. Polling here, with a deadline well past the retry, lets every
     * sign-in start with the IdP discovered.
     */
    void awaitIdpDiscovered(TestTenant tenant) {
        String signIn = url(tenant.host(), "/.gatehouse/sign_in?idp=" + IDP + "&return_to="
                + encode(url(tenant.host(), "/")));
        awaitUntil("GET " + signIn + " redirects to the IdP", IDP_DISCOVERY_DEADLINE, () -> {
            TestBrowser.Response answer = apiClient().get(signIn);
            return answer.status() == 302 && answer.location().startsWith(tenant.issuer() + "/authorize?");
        });
    }

    /** Creates a tenant as {@link #createTenant} does, without waiting for the gateway to serve it. */
    TestTenant defineTenant(String slug, String... hostnames) {
        String contact = "it-help@" + slug + ".test";
        admin.create("/tenants", new JsonObject().put("slug", slug)
                .put("display_name", slug.toUpperCase() + " Inc.").put("contact", contact));
        for (String hostname : hostnames) {
            admin.create("/tenants/" + slug + "/hostnames", new JsonObject().put("hostname", hostname));
        }
        String issuerId = slug + "-" + UUID.randomUUID();
        TestTenant tenant = new TestTenant(slug, List.of(hostnames), issuerId, idp.issuer(issuerId), contact);
        admin.create("/tenants/" + slug + "/idps", new JsonObject().put("name", IDP).put("issuer", tenant.issuer())
                .put("client_id", tenant.clientId()).put("client_secret", CLIENT_SECRET));
        admin.create("/tenants/" + slug + "/upstreams", new JsonObject().put("name", UPSTREAM)
                .put("url", upstream.url("/" + slug)));
        return tenant;
    }

    /**
     * Creates a route ({@code from} defaults to {@code http://} + the tenant's first hostname, {@code upstream} to
     * {@value #UPSTREAM}) and waits until the gateway resolves {@code probePath} on its hostname, which must not be
     * covered by another route already.
     */
    JsonObject createRoute(TestTenant tenant, JsonObject route, String probePath) {
        JsonObject spec = route.copy();
        if (!spec.containsKey("from")) {
            spec.put("from", "http://" + tenant.host());
        }
        if (!spec.containsKey("upstream")) {
            spec.put("upstream", UPSTREAM);
        }
        JsonObject created = admin.create("/tenants/" + tenant.slug() + "/routes", spec);
        awaitStatus(URI.create(spec.getString("from")).getHost(), probePath, status -> status != 404);
        upstream.forget();
        return created;
    }

    /**
     * Signs {@code user} in on {@code host} through the real flow (sign-in page, IdP, callback and, on a hostname
     * that does not authenticate, the handoff), ending on {@code /.gatehouse/}; returns the browser with the session.
     */
    TestBrowser signIn(TestTenant tenant, String host, User user) {
        awaitIdpDiscovered(tenant);
        user.issue(idp.signInAs(tenant.issuerId()));
        TestBrowser browser = browser();
        String whoAmI = url(host, "/.gatehouse/");
        TestBrowser.Response end = browser.navigate(url(host, "/.gatehouse/sign_in?idp=" + IDP + "&return_to="
                + encode(whoAmI)));
        assertThat(end.status()).as("signing in ended on %s: %s", end.url(), end.body()).isEqualTo(200);
        assertThat(end.url()).isEqualTo(whoAmI);
        return browser;
    }

    /** The JWKS the gateway publishes on {@code host}. */
    String jwks(String host) {
        TestBrowser.Response response = apiClient().get(url(host, "/.well-known/gatehouse/jwks.json"));
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    /** Polls {@code host}{@code path} as an anonymous API client until its status satisfies {@code expected}. */
    void awaitStatus(String host, String path, IntPredicate expected) {
        String url = url(host, path);
        awaitUntil("GET " + url, CHANGE_DEADLINE, () -> expected.test(apiClient().get(url).status()));
    }

    /** Polls {@code condition} every 10 ms until it holds; fails after {@code deadline}. */
    static void awaitUntil(String what, Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("the gateway did not get there within " + deadline.toMillis() + " ms: "
                        + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        dataPlane.close(Duration.ofSeconds(10));
        TestBrowser.await(gateway.close());
        TestBrowser.await(adminServer.close());
        TestBrowser.await(upstream.close());
        TestBrowser.await(pool.close());
        TestBrowser.await(vertx.close());
    }
}
