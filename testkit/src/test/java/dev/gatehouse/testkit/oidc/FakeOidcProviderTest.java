package dev.gatehouse.testkit.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FakeOidcProviderTest {

    private static FakeOidcProvider provider;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        provider = FakeOidcProvider.start();
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    @Test
    void discoveryNamesTheIssuerOnLoopback() throws Exception {
        String issuer = provider.issuer("discovery");
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().replaceAll("\\s", ""))
                .contains("\"issuer\":\"" + issuer + "\"")
                .contains("\"end_session_endpoint\"")
                .contains("\"jwks_uri\":\"" + issuer + "/jwks\"");
    }

    @Test
    void signedTokenNamesTheLoopbackIssuer() {
        String token = provider.signedToken("plain", "client-1", new IssuedIdentity().subject("bob"));

        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"iss\":\"" + provider.issuer("plain") + "\"");
    }

    @Test
    void signedTokenCarriesTheIdentityAndItsOverrides() {
        IssuedIdentity identity = new IssuedIdentity().subject("alice").email("alice@example.com")
                .groups("admins").claim("iss", "https://elsewhere.example");

        String token = provider.signedToken("tokens", "client-1", identity);

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(payload)
                .contains("\"sub\":\"alice\"")
                .contains("\"aud\":\"client-1\"")
                .contains("\"email\":\"alice@example.com\"")
                .contains("\"groups\":[\"admins\"]")
                .contains("\"iss\":\"https://elsewhere.example\"");
    }
}
