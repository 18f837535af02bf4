package dev.gatehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SelfSignedCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** https upstreams: TLS with certificate and host name verification, SNI and the upstream's Host. */
class TlsUpstreamTest {
    private static Vertx vertx;
    private static SelfSignedCertificate certificate;
    private static HttpServer upstream;
    private static volatile Promise<MultiMap> received;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        certificate = SelfSignedCertificate.create("localhost");
        upstream = Await.await(vertx.createHttpServer(new HttpServerOptions().setSsl(true)
                        .setKeyCertOptions(certificate.keyCertOptions()))
                .requestHandler(request -> {
                    received.tryComplete(MultiMap.caseInsensitiveMultiMap().addAll(request.headers())
                            .add("x-test-tls", String.valueOf(request.isSSL())));
                    request.response().end("secure hello");
                })
                .listen(0, "127.0.0.1"));
    }

    @AfterAll
    static void stop() throws Exception {
        certificate.delete();
        Await.await(vertx.close());
    }

    @Test
    void proxiesToATrustedHttpsUpstream() throws Exception {
        received = Promise.promise();
        ProxyOnlyGateway gateway = ProxyOnlyGateway.start(vertx,
                UpstreamProxyOptions.defaults().withUpstreamTrust(certificate.trustOptions()));
        try {
            gateway.route(UpstreamCall.of(Routes.route(),
                    Routes.upstream("https://localhost:" + upstream.actualPort()), "tls-1"));
            Client.Answer answer = new Client(vertx.createHttpClient(), gateway.port())
                    .get("/", MultiMap.caseInsensitiveMultiMap());

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.text()).isEqualTo("secure hello");
            MultiMap headers = Await.await(received.future());
            assertThat(headers.get("x-test-tls")).isEqualTo("true");
            assertThat(headers.get("Host")).isEqualTo("localhost:" + upstream.actualPort());
        } finally {
            gateway.close();
        }
    }

    @Test
    void refusesAnUpstreamCertificateItDoesNotTrust() throws Exception {
        ProxyOnlyGateway gateway = ProxyOnlyGateway.start(vertx, UpstreamProxyOptions.defaults());
        try {
            gateway.route(UpstreamCall.of(Routes.route(),
                    Routes.upstream("https://localhost:" + upstream.actualPort()), "tls-2"));
            Client.Answer answer = new Client(vertx.createHttpClient(), gateway.port())
                    .get("/", MultiMap.caseInsensitiveMultiMap());

            assertThat(answer.status()).isEqualTo(502);
            assertThat(gateway.nextOutcome()).isEqualTo(ProxyOutcome.UPSTREAM_UNREACHABLE);
        } finally {
            gateway.close();
        }
    }
}
