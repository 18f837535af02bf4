package dev.gatehouse.gateway.authn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PublicOriginTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        TestBrowser.await(vertx.close());
    }

    @Test
    void normalisesHostAndDefaultPorts() {
        assertThat(new PublicOrigin("HTTPS", "App.Acme.Test.", 443)).isEqualTo(new PublicOrigin("https", "app.acme.test", -1));
        assertThat(new PublicOrigin("http", "app.acme.test", 8080).url("/x")).isEqualTo("http://app.acme.test:8080/x");
        assertThat(new PublicOrigin("http", "app.acme.test", 80).authority()).isEqualTo("app.acme.test");
        assertThatThrownBy(() -> new PublicOrigin("ftp", "a", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PublicOrigin("http", "a", 70000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void forwardedProtoCountsOnlyFromTrustedPeers() {
        int trusting = serve(SchemePolicy.forwardedProtoFrom(peer -> peer.equals("127.0.0.1")));
        int distrusting = serve(SchemePolicy.forwardedProtoFrom(peer -> false));

        assertThat(origin(trusting, "https")).isEqualTo("https://app.acme.test:" + trusting);
        assertThat(origin(trusting, "https, http")).isEqualTo("https://app.acme.test:" + trusting);
        assertThat(origin(trusting, "gopher")).isEqualTo("http://app.acme.test:" + trusting);
        assertThat(origin(trusting, null)).isEqualTo("http://app.acme.test:" + trusting);
        assertThat(origin(distrusting, "https")).isEqualTo("http://app.acme.test:" + distrusting);
    }

    private int serve(SchemePolicy policy) {
        HttpServer server = TestBrowser.await(vertx.createHttpServer()
                .requestHandler(request -> request.response().end(PublicOrigin.of(request, policy)
                        .map(origin -> origin.url("")).orElse("none")))
                .listen(0, "127.0.0.1"));
        return server.actualPort();
    }

    private String origin(int port, String forwardedProto) {
        TestBrowser browser = new TestBrowser(vertx).header("X-Forwarded-Proto", forwardedProto);
        return browser.get("http://App.Acme.Test:" + port + "/").body();
    }
}
