package dev.gatehouse.testkit.google;

import dev.gatehouse.testkit.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

class FakeCloudRunTest {

    private static final String URL = "https://hello-abc123-uc.a.run.app";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final MutableClock clock = MutableClock.startingNow();
    private FakeGoogle google;
    private FakeServiceAccount invoker;
    private FakeServiceAccount stranger;
    private FakeCloudRun service;

    @BeforeEach
    void start() {
        google = FakeGoogle.start(clock);
        invoker = google.createServiceAccount("invoker@tenant-a.iam.gserviceaccount.com");
        stranger = google.createServiceAccount("stranger@tenant-b.iam.gserviceaccount.com");
        service = google.startCloudRun(
                CloudRunOptions.privateService(URL, invoker.email()).withCustomAudience("tenant-a-hello"));
    }

    @AfterEach
    void stop() {
        google.close();
    }

    @Test
    void withoutCredentialsAnswersTheFrontEnds403PageAndTheContainerIsNeverReached() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(service.uri().resolve("/private?q=1")));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/html; charset=UTF-8");
        assertThat(response.body()).contains("<title>403 Forbidden</title>", "<h1>Error: Forbidden</h1>",
                "<h2>Your client does not have permission to get URL <code>/private</code> from this server.</h2>");
        assertThat(service.received()).isEmpty();
        assertThat(service.rejections()).singleElement()
                .satisfies(r -> assertThat(r.reason()).startsWith("no credentials"));
    }

    @Test
    void aTokenItCannotAcceptGetsTheFrontEnds401Page() throws Exception {
        HttpResponse<String> accessToken = send(HttpRequest.newBuilder(service.uri().resolve("/a/%3Cb%3E"))
                .header("Authorization", "Bearer ya29.an-access-token-not-an-id-token"));
        HttpResponse<String> basic = send(HttpRequest.newBuilder(service.uri().resolve("/"))
                .header("Authorization", "Basic YXBwOnNlY3JldA=="));

        assertThat(accessToken.statusCode()).isEqualTo(401);
        assertThat(accessToken.body()).contains("<title>401 Unauthorized</title>", "<h1>Error: Unauthorized</h1>",
                "<h2>Your client does not have permission to the requested URL <code>/a/&lt;b&gt;</code>.</h2>");
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(service.received()).isEmpty();
    }

    @Test
    void refusesForgedWrongAudienceExpiredAndForeignTokensWith401AndANonInvokerWith403() throws Exception {
        String expired = google.issueIdToken(invoker, URL);
        clock.advance(Duration.ofMinutes(61));
        String forged = RsaSigningKey.generate().sign(google.idTokenClaims(invoker, URL));
        String wrongAudience = google.issueIdToken(invoker, "https://other-xyz-uc.a.run.app");
        String nonInvoker = google.issueIdToken(stranger, URL);
        String notGoogle = google.sign(google.idTokenClaims(invoker, URL).put("iss", "https://evil.example"));
        String fresh = google.issueIdToken(invoker, URL);

        for (String token : new String[] {forged, wrongAudience, expired}) {
            assertThat(send(withServerlessToken(token)).statusCode()).as(token).isEqualTo(401);
        }
        assertThat(send(withServerlessToken(nonInvoker)).statusCode()).isEqualTo(403);
        for (String token : new String[] {notGoogle, "not-a-jwt"}) {
            assertThat(send(withServerlessToken(token)).statusCode()).as(token).isEqualTo(401);
        }
        assertThat(service.received()).isEmpty();
        assertThat(service.rejections()).extracting(CloudRunRejection::reason).satisfiesExactly(
                r -> assertThat(r).contains("signature"),
                r -> assertThat(r).contains("audience"),
                r -> assertThat(r).contains("expired"),
                r -> assertThat(r).contains(stranger.email(), "run.invoker"),
                r -> assertThat(r).contains("issuer"),
                r -> assertThat(r).contains("malformed"));
        assertThat(send(withServerlessToken(fresh)).statusCode()).isEqualTo(200);
    }

    @Test
    void takesTheTokenFromXServerlessAuthorizationAndPassesTheApplicationsAuthorizationUntouched() throws Exception {
        String token = google.issueIdToken(invoker, URL);

        HttpResponse<String> response = send(withServerlessToken(token).header("Authorization", "Basic YXBwOnNlY3JldA=="));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(response.body()).getString("identity")).isEqualTo(invoker.email());
        ReceivedRequest received = service.received().get(0);
        assertThat(received.uri()).isEqualTo("/private?q=1");
        assertThat(received.header("Authorization")).isEqualTo("Basic YXBwOnNlY3JldA==");
        assertThat(received.header("X-Serverless-Authorization"))
                .isEqualTo("Bearer " + token.substring(0, token.lastIndexOf('.') + 1));
    }

    @Test
    void prefersXServerlessAuthorizationOverAValidAuthorizationHeader() throws Exception {
        String valid = google.issueIdToken(invoker, URL);
        String nonInvoker = google.issueIdToken(stranger, URL);

        HttpResponse<String> response =
                send(withServerlessToken(nonInvoker).header("Authorization", "Bearer " + valid));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(service.received()).isEmpty();
    }

    @Test
    void acceptsATokenInAuthorizationAndACustomAudience() throws Exception {
        String token = google.issueIdToken(invoker, "tenant-a-hello");

        HttpResponse<String> response = send(HttpRequest.newBuilder(service.uri().resolve("/private"))
                .header("Authorization", "Bearer " + token));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(service.received()).hasSize(1);
    }

    @Test
    void aPublicServiceLetsEveryoneIn() throws Exception {
        FakeCloudRun open = google.startCloudRun(CloudRunOptions.publicService("https://open-abc123-uc.a.run.app"));

        HttpResponse<String> response = send(HttpRequest.newBuilder(open.uri().resolve("/")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(open.received()).hasSize(1);
    }

    private HttpRequest.Builder withServerlessToken(String token) {
        return HttpRequest.newBuilder(service.uri().resolve("/private?q=1"))
                .header("X-Serverless-Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
