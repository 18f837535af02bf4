package dev.gatehouse.gateway.google;

import static dev.gatehouse.gateway.google.Configs.config;
import static dev.gatehouse.gateway.google.Configs.tenant;
import static dev.gatehouse.gateway.google.Configs.upstream;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.gatehouse.core.cloudrun.SigningClaims;
import dev.gatehouse.core.cloudrun.SigningDecision;
import dev.gatehouse.core.cloudrun.UpstreamSigning;
import dev.gatehouse.core.config.HeaderRules;
import dev.gatehouse.core.config.ResourceMeta;
import dev.gatehouse.core.config.Route;
import dev.gatehouse.core.config.RouteFrom;
import dev.gatehouse.core.config.RouteMatch;
import dev.gatehouse.core.config.RouteOptions;
import dev.gatehouse.core.config.ServerlessAuth;
import dev.gatehouse.core.config.ServerlessHeader;
import dev.gatehouse.core.config.Tenant;
import dev.gatehouse.core.config.Upstream;
import dev.gatehouse.gateway.pages.Page;
import dev.gatehouse.gateway.proxy.ProxyOutcome;
import dev.gatehouse.gateway.proxy.RequestDecorator;
import dev.gatehouse.gateway.proxy.UpstreamCall;
import dev.gatehouse.gateway.proxy.UpstreamProxy;
import dev.gatehouse.gateway.proxy.UpstreamProxyOptions;
import dev.gatehouse.gateway.proxy.UpstreamRefusals;
import dev.gatehouse.testkit.google.CloudRunOptions;
import dev.gatehouse.testkit.google.FakeCloudRun;
import dev.gatehouse.testkit.google.FakeGoogle;
import dev.gatehouse.testkit.google.FakeServiceAccount;

/**
 * A private Cloud Run service (the fake front end) behind the proxy with the Cloud Run refusals hook, signed the way
 * the pipeline signs: what the user sees when Cloud Run turns the gateway's token away.
 */
class CloudRunRefusalsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SERVICE_URL = "https://hello-4ab5cd6ef7-ew.a.run.app";

    private FakeGoogle google;
    private Vertx vertx;
    private GoogleIdTokens tokens;
    private UpstreamProxy proxy;
    private HttpServer gateway;
    private FakeServiceAccount invoker;
    private FakeServiceAccount outsider;
    private FakeCloudRun service;
    private final AtomicReference<UpstreamCall> call = new AtomicReference<>();
    private final BlockingQueue<ProxyOutcome> outcomes = new LinkedBlockingQueue<>();
    private final Tenant tenant = tenant("acme", true);

    @BeforeEach
    void start() throws Exception {
        google = FakeGoogle.start();
        vertx = Vertx.vertx();
        invoker = google.createServiceAccount("invoker@acme-prod.iam.gserviceaccount.com");
        outsider = google.createServiceAccount("outsider@acme-prod.iam.gserviceaccount.com");
        service = google.startCloudRun(CloudRunOptions.privateService(SERVICE_URL, invoker.email()));
        GoogleEndpoints endpoints =
                new GoogleEndpoints(google.metadataUri(), google.tokenUri().resolve("/"), google.iamCredentialsUri());
        tokens = GoogleIdTokens.create(vertx, GoogleIdTokens.Options.defaults(
                new GoogleCredentialsOptions(Optional.empty(), new LoopbackTransport(endpoints)), Clock.systemUTC()));
        proxy = UpstreamProxy.create(vertx, UpstreamProxyOptions.defaults().withRefusals(new CloudRunRefusals(tokens)));
        gateway = vertx.createHttpServer().requestHandler(request -> {
            request.pause();
            proxy.proxy(request, call.get()).onSuccess(outcomes::add);
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        tokens.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        google.close();
    }

    @Test
    void anIdentityWithoutRunInvokerGetsAnExplained403AndTheServiceNeverSeesTheRequest() throws Exception {
        use(signedFor(SERVICE_URL, outsider.email()));

        HttpResponse<String> browser = get("/orders", "text/html");
        HttpResponse<String> api = get("/orders", "application/json");

        assertThat(browser.statusCode()).isEqualTo(403);
        assertThat(browser.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/html"));
        assertThat(browser.body()).contains("The service refused the gateway",
                "the service account " + outsider.email(), "lacks roles/run.invoker",
                "gcloud run services add-iam-policy-binding hello --region REGION --member=serviceAccount:"
                        + outsider.email() + " --role=roles/run.invoker")
                .doesNotContain("Your client does not have permission");
        JsonObject json = new JsonObject(api.body());
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(json.getString("error")).isEqualTo("upstream_refused");
        assertThat(json.getString("message")).contains(outsider.email(), "roles/run.invoker");
        assertThat(json.getString("fix")).endsWith("--member=serviceAccount:" + outsider.email()
                + " --role=roles/run.invoker");
        assertThat(service.received()).isEmpty();
        assertThat(service.rejections()).hasSize(2).allSatisfy(r -> assertThat(r.status()).isEqualTo(403));
        assertThat(List.of(outcomes.poll(30, TimeUnit.SECONDS), outcomes.poll(30, TimeUnit.SECONDS)))
                .containsOnly(ProxyOutcome.UPSTREAM_REFUSED);
    }

    @Test
    void aTokenForTheWrongAudienceGetsAnExplained401NamingThatAudience() throws Exception {
        String wrong = "https://hello-4ab5cd6ef7-uc.a.run.app";
        use(signedFor(wrong, invoker.email()));

        HttpResponse<String> api = get("/orders", "application/json");

        assertThat(api.statusCode()).isEqualTo(401);
        JsonObject json = new JsonObject(api.body());
        assertThat(json.getString("error")).isEqualTo("upstream_refused");
        assertThat(json.getString("message")).contains("audience " + wrong,
                "check the upstream's audience setting");
        assertThat(json.containsKey("fix")).isFalse();
        assertThat(service.rejections()).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("audience"));
        assertThat(outcomes.poll(30, TimeUnit.SECONDS)).isEqualTo(ProxyOutcome.UPSTREAM_REFUSED);
    }

    @Test
    void theGatewaysOwnIdentityIsNamedByTheEmailItsCredentialsGive() throws Exception {
        use(signedFor(SERVICE_URL, null));

        HttpResponse<String> api = get("/", "application/json");

        JsonObject json = new JsonObject(api.body());
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(json.getString("message"))
                .contains("the gateway's own service account " + FakeGoogle.DEFAULT_METADATA_ACCOUNT);
        assertThat(json.getString("fix")).contains("--member=serviceAccount:" + FakeGoogle.DEFAULT_METADATA_ACCOUNT);
    }

    @Test
    void anInvokerGoesThroughUntouched() throws Exception {
        use(signedFor(SERVICE_URL, invoker.email()));

        HttpResponse<String> api = get("/orders?x=1", "application/json");

        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(api.body()).getString("identity")).isEqualTo(invoker.email());
        assertThat(outcomes.poll(30, TimeUnit.SECONDS)).isEqualTo(ProxyOutcome.PROXIED);
    }

    @Test
    void anUpstreamWithoutGoogleAuthenticationKeepsTheServicesOwnRefusal() throws Exception {
        Upstream plain = upstream(tenant, "hello", service.uri().toString(), ServerlessAuth.DISABLED, 0);
        use(routeTo(plain), plain, RequestDecorator.NONE);

        HttpResponse<String> browser = get("/", "text/html");

        assertThat(browser.statusCode()).isEqualTo(403);
        assertThat(browser.body()).contains("Your client does not have permission")
                .doesNotContain("The service refused the gateway");
        assertThat(outcomes.poll(30, TimeUnit.SECONDS)).isEqualTo(ProxyOutcome.PROXIED);
    }

    @Test
    void aRunAppUpstreamWithoutGoogleAuthenticationIsToldToTurnItOn() throws Exception {
        HttpResponse<String> frontEnd = HTTP.send(HttpRequest.newBuilder(service.uri().resolve("/orders")).build(),
                HttpResponse.BodyHandlers.ofString());
        Upstream unsigned = upstream(tenant, "hello", SERVICE_URL, ServerlessAuth.DISABLED, 0);
        UpstreamCall call = UpstreamCall.of(routeTo(unsigned), unsigned, "r-2");
        CloudRunRefusals refusals = new CloudRunRefusals(() -> Future.failedFuture("not asked"));

        Optional<Page.UpstreamRefused> page = refusals.explain(call, new UpstreamRefusals.Answer(
                frontEnd.statusCode(), frontEnd.headers().firstValue("Content-Type").orElseThrow(),
                Buffer.buffer(frontEnd.body()))).result();

        assertThat(frontEnd.statusCode()).as("the front end, asked without a token").isEqualTo(403);
        assertThat(refusals.covers(call)).isTrue();
        assertThat(page).hasValueSatisfying(p -> {
            assertThat(p.status()).isEqualTo(403);
            assertThat(p.explanation()).contains("upstream 'hello'", "requires authentication",
                    "google_cloud_serverless_authentication.enabled");
        });
    }

    @Test
    void theApplicationsOwnRefusalIsNotMistakenForCloudRuns() throws Exception {
        Upstream hello = signedFor(SERVICE_URL, invoker.email());
        CloudRunRefusals refusals = new CloudRunRefusals(() -> Future.failedFuture("not asked"));
        UpstreamCall signed = UpstreamCall.of(routeTo(hello), hello, "r-1");
        String frontEndPage = "<html><h1>Error: Forbidden</h1><h2>Your client does not have permission to get URL"
                + " <code>/</code> from this server.</h2></html>";

        assertThat(refusals.covers(signed)).isTrue();
        assertThat(refusals.explain(signed, new UpstreamRefusals.Answer(403, "application/json",
                Buffer.buffer("{\"error\":\"not your order\"}"))).result()).isEmpty();
        assertThat(refusals.explain(signed, new UpstreamRefusals.Answer(403, "text/html",
                Buffer.buffer("<h1>Forbidden</h1>"))).result()).isEmpty();
        assertThat(refusals.explain(signed, new UpstreamRefusals.Answer(403, "text/html; charset=UTF-8",
                Buffer.buffer(frontEndPage))).result()).isPresent();
    }

    /** An upstream reached at the fake's loopback address that claims {@code audience} for its ID tokens. */
    private Upstream signedFor(String audience, String serviceAccount) {
        return upstream(tenant, "hello", service.uri().toString(),
                new ServerlessAuth(true, audience, ServerlessHeader.X_SERVERLESS_AUTHORIZATION, serviceAccount), 0);
    }

    private void use(Upstream upstream) {
        SigningDecision.Sign sign = (SigningDecision.Sign) new UpstreamSigning(SigningClaims.of(List.of(
                config(tenant, upstream)))).decide(tenant, upstream);
        use(routeTo(upstream), upstream, ignored -> tokens.idToken(sign.identity(), sign.audience())
                .map(token -> Map.of(sign.headerName(), sign.headerValue(token.value()))));
    }

    private void use(Route route, Upstream upstream, RequestDecorator decorator) {
        call.set(UpstreamCall.of(route, upstream, UUID.randomUUID().toString()).withDecorator(decorator));
    }

    private Route routeTo(Upstream upstream) {
        return new Route(ResourceMeta.draft(tenant.id()), "main", new RouteFrom("https", "app.acme.example"),
                RouteMatch.ANY, upstream.name(), null, null, RouteOptions.NONE, HeaderRules.NONE, null);
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.actualPort() + path))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }
}
