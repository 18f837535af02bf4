package dev.gatehouse.testkit.google;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.auth.oauth2.IdToken;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.auth.oauth2.TokenVerifier;
import com.google.api.client.json.webtoken.JsonWebSignature;

import io.vertx.core.json.JsonObject;

class FakeGoogleTest {

    private static final String AUDIENCE = "https://hello-abc123-uc.a.run.app";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static FakeGoogle google;

    @BeforeAll
    static void start() {
        google = FakeGoogle.start();
    }

    @AfterAll
    static void stop() {
        google.close();
    }

    @Test
    void tokenEndpointMintsIdTokensThatGoogleAuthLibraryVerifiesAgainstTheJwks(@TempDir Path dir) throws Exception {
        FakeServiceAccount account = google.createServiceAccount("key-holder@tenant-a.iam.gserviceaccount.com");
        Path keyFile = google.writeKeyFile(account, dir);
        ServiceAccountCredentials credentials = ServiceAccountCredentials.fromStream(
                new ByteArrayInputStream(Files.readAllBytes(keyFile)));

        IdToken token = credentials.idTokenWithAudience(AUDIENCE, List.of());

        JsonWebSignature verified = TokenVerifier.newBuilder()
                .setCertificatesLocation(google.certsUri().toString())
                .setAudience(AUDIENCE)
                .setIssuer("https://accounts.google.com")
                .build()
                .verify(token.getTokenValue());
        assertThat(verified.getPayload().get("email")).isEqualTo(account.email());
        assertThat(verified.getPayload().getSubject()).isEqualTo(account.uniqueId());
        assertThat(google.mints(account.email(), AUDIENCE)).isEqualTo(1);
    }

    @Test
    void theMintCountsAreServedAsJsonForProcessesOutsideTheJvm() throws Exception {
        try (FakeGoogle own = FakeGoogle.start()) {
            FakeServiceAccount account = own.createServiceAccount("counted@tenant-a.iam.gserviceaccount.com");
            own.issueIdToken(account, AUDIENCE);
            own.issueIdToken(account, AUDIENCE);
            own.issueIdToken(account, "tenant-a-custom");

            HttpResponse<String> response =
                    HTTP.send(HttpRequest.newBuilder(own.mintsUri()).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            JsonObject counts = new JsonObject(response.body());
            assertThat(counts.getInteger("total")).isEqualTo(3);
            assertThat(counts.getJsonArray("by_identity_and_audience").stream().map(JsonObject.class::cast)
                    .map(c -> c.getString("service_account") + " " + c.getString("audience") + " "
                            + c.getInteger("mints")))
                    .containsExactlyInAnyOrder(account.email() + " " + AUDIENCE + " 2",
                            account.email() + " tenant-a-custom 1");
        }
    }

    @Test
    void tokenEndpointRefusesAnAssertionSignedWithAnotherKey() throws Exception {
        FakeServiceAccount account = google.createServiceAccount("impostor-target@tenant-a.iam.gserviceaccount.com");
        String forged = RsaSigningKey.generate().sign(new JsonObject()
                .put("iss", account.email()).put("aud", google.tokenUri().toString())
                .put("exp", Instant.now().getEpochSecond() + 600).put("target_audience", AUDIENCE));

        HttpResponse<String> response = post(google.tokenUri(), "application/x-www-form-urlencoded",
                "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=" + forged, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(response.body()).getString("error")).isEqualTo("invalid_grant");
        assertThat(google.mints(account.email(), AUDIENCE)).isZero();
    }

    @Test
    void metadataServerAnswersOnlyWithMetadataFlavorAndMarksItsAnswers() throws Exception {
        URI identity = google.metadataUri().resolve("/computeMetadata/v1/instance/service-accounts/default/identity"
                + "?audience=" + AUDIENCE + "&format=full");

        HttpResponse<String> withoutFlavor = HTTP.send(HttpRequest.newBuilder(identity).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> withFlavor = HTTP.send(HttpRequest.newBuilder(identity)
                .header("Metadata-Flavor", "Google").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(withoutFlavor.statusCode()).isEqualTo(403);
        assertThat(withFlavor.statusCode()).isEqualTo(200);
        assertThat(withFlavor.headers().firstValue("Metadata-Flavor")).contains("Google");
        Jwt jwt = Jwt.parse(withFlavor.body());
        assertThat(jwt.audiences()).containsExactly(AUDIENCE);
        assertThat(jwt.claims().getString("email")).isEqualTo(google.metadataAccount().email());
    }

    @Test
    void iamCredentialsMintsForTheCallerOfTheAccessTokenUnlessTokenCreatorIsRevoked() throws Exception {
        FakeServiceAccount target = google.createServiceAccount("invoker@tenant-b.iam.gserviceaccount.com");
        FakeServiceAccount other = google.createServiceAccount("invoker@tenant-c.iam.gserviceaccount.com");
        google.revokeTokenCreator(google.metadataAccount().email(), other.email());
        String accessToken = new JsonObject(HTTP.send(HttpRequest.newBuilder(google.metadataUri()
                        .resolve("/computeMetadata/v1/instance/service-accounts/default/token"))
                .header("Metadata-Flavor", "Google").build(), HttpResponse.BodyHandlers.ofString()).body())
                .getString("access_token");
        String body = new JsonObject().put("audience", AUDIENCE).put("includeEmail", true).encode();

        HttpResponse<String> anonymous = post(generateIdToken(target.email()), "application/json", body, null);
        HttpResponse<String> allowed = post(generateIdToken(target.email()), "application/json", body, accessToken);
        HttpResponse<String> denied = post(generateIdToken(other.email()), "application/json", body, accessToken);
        HttpResponse<String> unknown = post(generateIdToken("nobody@tenant-b.iam.gserviceaccount.com"),
                "application/json", body, accessToken);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(Jwt.parse(new JsonObject(allowed.body()).getString("token")).claims().getString("email"))
                .isEqualTo(target.email());
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(new JsonObject(denied.body()).getJsonObject("error").getString("message"))
                .contains("iam.serviceAccounts.getOpenIdToken");
        assertThat(unknown.statusCode()).isEqualTo(404);
        String gateway = google.metadataAccount().email();
        assertThat(google.generateIdTokenCalls()).contains(
                new GenerateIdTokenCall(null, target.email(), AUDIENCE, 401),
                new GenerateIdTokenCall(gateway, target.email(), AUDIENCE, 200),
                new GenerateIdTokenCall(gateway, other.email(), AUDIENCE, 403));
        assertThat(google.mints(target.email(), AUDIENCE)).isEqualTo(1);
        assertThat(google.mints(other.email(), AUDIENCE)).isZero();
    }

    private URI generateIdToken(String email) {
        return google.iamCredentialsUri().resolve("/v1/projects/-/serviceAccounts/" + email + ":generateIdToken");
    }

    static HttpResponse<String> post(URI uri, String contentType, String body, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
