package dev.gatehouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The demo gateway discovers its IdP on the first sign-in, giving up after 10 s and trying again only 10 s later; on
 * a loaded machine (the demo's JVM still cold, Chromium starting) that first discovery can time out. Tests of the demo
 * poll its sign-in URL until it redirects to the IdP before they sign in.
 */
final class DemoIdpDiscovery {
    private static final Duration DEADLINE = Duration.ofSeconds(120);

    private DemoIdpDiscovery() {
    }

    /** Waits until a sign-in on {@code hello} (the announced URL) redirects to the demo's IdP on 127.0.0.1. */
    static void await(String hello) throws Exception {
        URI announced = URI.create(hello);
        HttpRequest signIn = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + announced.getPort()
                        + "/.gatehouse/sign_in?idp=local&return_to=" + URLEncoder.encode(hello, StandardCharsets.UTF_8)))
                .header("Host", announced.getHost() + ":" + announced.getPort()).timeout(Duration.ofSeconds(30))
                .build();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            HttpResponse<Void> answer = http.send(signIn, HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() == 302
                    && answer.headers().firstValue("Location").orElse("").startsWith("http://127.0.0.1:")) {
                return;
            }
            assertThat(System.nanoTime() - deadline).as("the demo gateway did not reach its IdP within %s s: %s",
                    DEADLINE.toSeconds(), answer.statusCode()).isNegative();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }
}
