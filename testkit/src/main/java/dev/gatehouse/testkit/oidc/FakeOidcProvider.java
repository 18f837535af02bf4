package dev.gatehouse.testkit.oidc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;

import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * A real OpenID Connect provider on 127.0.0.1 (mock-oauth2-server): discovery, authorization endpoint, token
 * endpoint (authorization code with PKCE, refresh token), JWKS and end-session endpoint. Every issuer id is an issuer
 * of its own, {@code http://127.0.0.1:PORT/ISSUER_ID}, with its own signing key; use a fresh issuer id per test.
 *
 * <p>The authorization endpoint shows no login page: it redirects back at once with a code and the state. What the
 * token endpoint then issues is set with {@link #nextLogin(String)}. Token timestamps come from the system clock.
 */
public final class FakeOidcProvider implements AutoCloseable {

    private final MockOAuth2Server server;
    private final int port;

    private FakeOidcProvider(MockOAuth2Server server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts a provider on a free port of 127.0.0.1. */
    public static FakeOidcProvider start() {
        MockOAuth2Server server = new MockOAuth2Server();
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake OIDC provider", e);
        }
        return new FakeOidcProvider(server, server.baseUrl().port());
    }

    public int port() {
        return port;
    }

    /** The issuer URL (also the discovery base) of one issuer id. */
    public String issuer(String issuerId) {
        return "http://127.0.0.1:" + port + "/" + issuerId;
    }

    /**
     * The identity the next code exchange at this issuer hands out (any code exchange after that gets a random
     * subject). Refreshes of that login keep using the returned object, so changing it later changes what a refresh
     * returns.
     */
    public IssuedIdentity nextLogin(String issuerId) {
        IssuedIdentity identity = new IssuedIdentity();
        server.enqueueCallback(new IdentityCallback(issuerId, identity, List.of()));
        return identity;
    }

    /**
     * A token signed by the issuer's key, as a client would get from it: {@code iss} the issuer, {@code aud} the
     * audience (an extra claim named {@code aud} replaces it), the identity's subject and claims.
     */
    public String signedToken(String issuerId, String audience, IssuedIdentity identity) {
        return server.issueToken(issuerId, audience, new IdentityCallback(issuerId, identity, List.of(audience)))
                .serialize();
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
