package dev.gatehouse.gateway.pipeline;

import dev.gatehouse.gateway.google.GoogleCredentialsOptions;
import dev.gatehouse.gateway.google.GoogleEndpoints;
import dev.gatehouse.testkit.google.FakeCloudRun;
import dev.gatehouse.testkit.google.FakeGoogle;
import dev.gatehouse.testkit.oidc.FakeOidcProvider;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * The gateway with Google faked, for Cloud Run tests: a {@link GatewayHarness} whose metadata server, token endpoint
 * and IAM Credentials API are a {@link FakeGoogle}'s, so the gateway runs as the metadata server's account
 * ({@link FakeGoogle#DEFAULT_METADATA_ACCOUNT}) and impersonates tenants' accounts through the fake. Also the admin
 * API bodies those tests configure, and a client that goes to a fake service directly, past the gateway.
 */
final class GoogleFakedGateway implements AutoCloseable {
    final FakeGoogle google;
    final GatewayHarness harness;

    private GoogleFakedGateway(FakeGoogle google, GatewayHarness harness) {
        this.google = google;
        this.harness = harness;
    }

    static GoogleFakedGateway start(FakeOidcProvider idp) {
        FakeGoogle google = FakeGoogle.start();
        GoogleEndpoints endpoints = new GoogleEndpoints(google.metadataUri(), google.tokenUri().resolve("/"),
                google.iamCredentialsUri());
        return new GoogleFakedGateway(google, GatewayHarness.start(new GatewayHarness.Options(
                new GoogleCredentialsOptions(Optional.empty(), endpoints.transportFactory())), idp));
    }

    /** Lets the tenant's upstreams be signed as the gateway's own identity (an operator's switch). */
    void allowGatewayIdentity(String slug) {
        harness.admin.update("/tenants/" + slug, new JsonObject().put("allow_gateway_identity", true));
    }

    /**
     * An upstream reached at the fake service's loopback address whose requests carry a Google ID token for the
     * service's {@code *.run.app} URL, minted for {@code serviceAccount} (null: the gateway's own identity), in
     * {@code header} ({@code x-serverless-authorization} or {@code authorization}).
     */
    static JsonObject signedUpstream(String name, FakeCloudRun service, String serviceAccount, String header) {
        JsonObject serverless = new JsonObject().put("enabled", true).put("audience", service.url())
                .put("header", header);
        if (serviceAccount != null) {
            serverless.put("service_account", serviceAccount);
        }
        return new JsonObject().put("name", name).put("url", service.uri().toString())
                .put("google_cloud_serverless_authentication", serverless);
    }

    /** An upstream reached at the fake service's loopback address with no Google authentication. */
    static JsonObject plainUpstream(String name, FakeCloudRun service) {
        return new JsonObject().put("name", name).put("url", service.uri().toString());
    }

    /** A route for any signed-in user of the tenant's IdP. */
    static JsonObject anyUserRoute(String name) {
        return new JsonObject().put("name", name).put("idp", GatewayHarness.IDP)
                .put("allow_any_authenticated_user", true);
    }

    /** A route whose users must satisfy {@code policy} (PPL as JSON). */
    static JsonObject policyRoute(String name, JsonArray policy) {
        return new JsonObject().put("name", name).put("idp", GatewayHarness.IDP).put("policy", policy);
    }

    /** A route that needs no sign-in. */
    static JsonObject publicRoute(String name) {
        return new JsonObject().put("name", name).put("allow_public_unauthenticated_access", true);
    }

    /** A request straight to the fake service (as if to its {@code *.run.app} URL), with an ID token if not null. */
    static HttpResponse<String> direct(FakeCloudRun service, String path, String idToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri().resolve(path));
        if (idToken != null) {
            request.header("Authorization", "Bearer " + idToken);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        harness.close();
        google.close();
    }
}
