package dev.gatehouse.testkit.oidc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A real OpenID Connect provider on 127.0.0.1 (mock-oauth2-server): discovery, authorization endpoint, token
 * endpoint (authorization code with PKCE, refresh token), JWKS and end-session endpoint. Every issuer id is an issuer
 * of its own, {@code http://127.0.0.1:PORT/ISSUER_ID}, with its own signing key; use a fresh issuer id per test.
 *
 * <p>The authorization endpoint shows no login page: it redirects back at once with a code and the state. What the
 * token endpoint then issues is set per issuer with {@link #signInAs(String)}. Token timestamps come from the system
 * clock. {@link #startWithLoginForm()} starts one whose authorization endpoint shows a login form instead, for real
 * browsers.
 */
public final class FakeOidcProvider implements AutoCloseable {

    private static final Duration WARM_UP_TIMEOUT = Duration.ofSeconds(120);

    private final MockOAuth2Server server;
    private final Set<OAuth2TokenCallback> callbacks;
    private final int port;

    private FakeOidcProvider(MockOAuth2Server server, Set<OAuth2TokenCallback> callbacks, int port) {
        this.server = server;
        this.callbacks = callbacks;
        this.port = port;
    }

    /** Starts a provider on a free port of 127.0.0.1. */
    public static FakeOidcProvider start() {
        return start(false);
    }

    /**
     * Starts a provider on a free port of 127.0.0.1 whose authorization endpoint shows an HTML login form: a user
     * name (input {@code username}), which becomes the {@code sub} claim, and optional claims as a JSON object
     * (textarea {@code claims}), added to those of {@link #signInAs(String)}.
     */
    public static FakeOidcProvider startWithLoginForm() {
        return start(true);
    }

    private static FakeOidcProvider start(boolean loginForm) {
        // The server looks its callbacks up in this set on every token request, so it can change while running.
        Set<OAuth2TokenCallback> callbacks = ConcurrentHashMap.newKeySet();
        MockOAuth2Server server = new MockOAuth2Server(
                new OAuth2Config(loginForm, null, null, false, new OAuth2TokenProvider(), callbacks));
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake OIDC provider", e);
        }
        FakeOidcProvider provider = new FakeOidcProvider(server, callbacks, server.baseUrl().port());
        provider.warmUp();
        return provider;
    }

    /**
     * Serves discovery, JWKS and a token once, for an issuer of its own, and forgets those requests. The first
     * requests a provider serves in a JVM load and compile much of it: on a loaded machine they were seen to take
     * longer than the 10 s a gateway gives an identity provider, failing the first sign-in of a test.
     */
    private void warmUp() {
        String issuer = issuer("warm-up");
        HttpClient http = HttpClient.newHttpClient();
        try {
            send(http, HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration")).GET());
            send(http, HttpRequest.newBuilder(URI.create(issuer + "/jwks")).GET());
            send(http, HttpRequest.newBuilder(URI.create(issuer + "/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=warm-up"
                            + "&client_secret=warm-up&scope=openid")));
        } catch (IOException e) {
            throw new UncheckedIOException("the fake OIDC provider does not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while warming up the fake OIDC provider", e);
        }
        takeRequests();
    }

    private static void send(HttpClient http, HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(WARM_UP_TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the fake OIDC provider answered " + response.statusCode() + " to "
                    + response.request().uri() + ": " + response.body());
        }
    }

    public int port() {
        return port;
    }

    /** The issuer URL (also the discovery base) of one issuer id. */
    public String issuer(String issuerId) {
        return "http://127.0.0.1:" + port + "/" + issuerId;
    }

    /**
     * The identity every code exchange at this issuer hands out from now on (until the next call; before any call,
     * each sign-in gets a random subject). A login's refreshes keep using the identity it signed in with, so changing
     * the returned object later changes what those refreshes return.
     */
    public IssuedIdentity signInAs(String issuerId) {
        IssuedIdentity identity = new IssuedIdentity();
        callbacks.removeIf(callback -> callback.issuerId().equals(issuerId));
        callbacks.add(new IdentityCallback(issuerId, identity, List.of(), null));
        return identity;
    }

    /**
     * A token signed by the issuer's key, as a client would get from it: {@code iss} the issuer, {@code aud} the
     * audience (an extra claim named {@code aud} replaces it), the identity's subject and claims.
     */
    public String signedToken(String issuerId, String audience, IssuedIdentity identity) {
        // Outside a request the server would name its issuer after its canonical host name; use the loopback one.
        return server.issueToken(issuerId, audience,
                new IdentityCallback(issuerId, identity, List.of(audience), issuer(issuerId))).serialize();
    }

    /** Every request received since the last call (of all issuers), oldest first. */
    public List<RecordedCall> takeRequests() {
        List<RecordedCall> calls = new ArrayList<>();
        while (true) {
            RecordedRequest request;
            try {
                request = server.takeRequest(1, TimeUnit.MILLISECONDS);
            } catch (RuntimeException none) {
                return calls;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : request.getHeaders().names()) {
                headers.put(name.toLowerCase(Locale.ROOT), request.getHeaders().get(name));
            }
            calls.add(new RecordedCall(request.getMethod(), request.getPath(), headers, request.getUtf8Body()));
        }
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
