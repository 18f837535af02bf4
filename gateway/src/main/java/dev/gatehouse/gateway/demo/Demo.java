package dev.gatehouse.gateway.demo;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Demo mode around a running Gatehouse: a local identity provider where any name signs in, an echo upstream that
 * shows what the gateway sent, and the demo tenant configured through the admin API to use them. Blocking; runs on
 * the main thread at start-up.
 */
public final class Demo implements AutoCloseable {
    /** Generous: on a loaded machine the first requests of a fresh JVM can take seconds each. */
    private static final Duration SERVING_DEADLINE = Duration.ofSeconds(60);
    private static final int PROBE_TIMEOUT_MILLIS = 10_000;
    private static final int NO_ANSWER = -1;

    private final DemoIdentityProvider identityProvider;
    private final Vertx vertx;
    private final int gatewayPort;

    private Demo(DemoIdentityProvider identityProvider, Vertx vertx, int gatewayPort) {
        this.identityProvider = identityProvider;
        this.vertx = vertx;
        this.gatewayPort = gatewayPort;
    }

    /** Starts the IdP and the echo upstream, writes the demo tenant, and returns once the gateway serves it. */
    public static Demo start(String adminUrl, String operatorToken, int gatewayPort) throws Exception {
        DemoIdentityProvider identityProvider = DemoIdentityProvider.start();
        Vertx vertx = Vertx.vertx();
        Demo demo = new Demo(identityProvider, vertx, gatewayPort);
        try {
            EchoUpstream echo = EchoUpstream.start(vertx).await(10, TimeUnit.SECONDS);
            new DemoTenant(adminUrl, operatorToken).apply(identityProvider.issuer(), echo.url());
            demo.awaitServing();
            return demo;
        } catch (Exception | Error e) {
            demo.close();
            throw e;
        }
    }

    /** What to print for the newcomer. */
    public String announcement() {
        return "gatehouse demo: open " + url(DemoTenant.HELLO, "/") + " and sign in with any name"
                + " (sign in as admin to see " + url(DemoTenant.HELLO, "/admin") + "; "
                + url(DemoTenant.PUBLIC, "/") + " needs no sign-in)";
    }

    private String url(String host, String path) {
        return "http://" + host + ":" + gatewayPort + path;
    }

    /** The gateway picks the new tenant up from its change event; wait until the public route answers. */
    private void awaitServing() throws Exception {
        HttpClient http = vertx.createHttpClient();
        RequestOptions probe = new RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(gatewayPort, "127.0.0.1"))
                .setHost(DemoTenant.PUBLIC).setPort(gatewayPort).setURI("/").setTimeout(PROBE_TIMEOUT_MILLIS);
        Instant deadline = Instant.now().plus(SERVING_DEADLINE);
        while (true) {
            // A probe that fails or times out is asked again, as is one answered with anything but 200.
            int status = http.request(probe).compose(request -> request.send())
                    .compose(response -> response.body().map(body -> response.statusCode()))
                    .otherwise(NO_ANSWER)
                    .await(PROBE_TIMEOUT_MILLIS + 5_000, TimeUnit.MILLISECONDS);
            if (status == 200) {
                http.close();
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the gateway does not serve the demo tenant ("
                        + (status == NO_ANSWER ? "no answer" : "last answer " + status) + ")");
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        identityProvider.close();
        vertx.close();
    }
}
