package dev.gatehouse.gateway.identity;

import static dev.gatehouse.gateway.identity.KeyFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JWKS over a real HTTP server on 127.0.0.1, as a verifier fetches it. */
class JwksEndpointTest {
    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static KeyFixture db;
    private static TenantKeyRing ring;
    private static HttpServer server;

    @BeforeAll
    static void start() {
        db = new KeyFixture(START);
        ring = db.ring(db.tenant("acme"));
        JwksEndpoint endpoint = new JwksEndpoint(db.clock);
        server = await(db.vertx.createHttpServer().requestHandler(request -> {
            if (JwksEndpoint.matches(request)) {
                endpoint.respond(request, ring);
            } else {
                request.response().setStatusCode(404).end();
            }
        }).listen(0, "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        await(server.close());
        db.close();
    }

    @Test
    void servesThePublishedKeysCacheableForAMinute() throws Exception {
        HttpResponse<String> response = send("GET", JwksEndpoint.PATH);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
        assertThat(response.body()).isEqualTo(ring.jwks(START).json());
        SignedAssertion signed = new IdentityAssertionSigner(db.clock)
                .sign(ring, "app.acme.test", new AssertedIdentity("user-1", null, List.of()));
        assertThat(JwksVerifier.verifies(signed.token(), response.body())).isTrue();
    }

    @Test
    void headHasNoBodyAndOtherMethodsAre405() throws Exception {
        HttpResponse<String> head = send("HEAD", JwksEndpoint.PATH);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Length"))
                .hasValue(Integer.toString(ring.jwks(START).json().length()));

        HttpResponse<String> post = send("POST", JwksEndpoint.PATH);
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(post.body()).isEmpty();

        assertThat(send("GET", JwksEndpoint.PATH + "x").statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
