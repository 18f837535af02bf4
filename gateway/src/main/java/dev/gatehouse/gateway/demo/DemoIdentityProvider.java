package dev.gatehouse.gateway.demo;

import java.net.InetAddress;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

/**
 * The demo's OpenID Connect provider: mock-oauth2-server with its interactive login page, where any user name
 * signs in (the name becomes {@code sub}; optional claims such as {@code email} or {@code groups} can be typed as
 * JSON). Listens on a free port of 127.0.0.1. Blocking to start; call at boot only.
 */
public final class DemoIdentityProvider implements AutoCloseable {
    static final String ISSUER_ID = "demo";

    private final MockOAuth2Server server;

    private DemoIdentityProvider(MockOAuth2Server server) {
        this.server = server;
    }

    public static DemoIdentityProvider start() {
        MockOAuth2Server server = new MockOAuth2Server(new OAuth2Config(true));
        server.start(InetAddress.getLoopbackAddress(), 0);
        return new DemoIdentityProvider(server);
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.baseUrl().port() + "/" + ISSUER_ID;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
