package dev.gatehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GatewayCookiesTest {
    private static final Set<String> OURS = Set.of("_gatehouse", "_gatehouse_csrf");

    @Test
    void removesOnlyTheGatewaysCookiesFromEveryCookieHeader() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Cookie", "a=1; _gatehouse=session; b=2")
                .add("Cookie", "_gatehouse_csrf=x;c=3;_gatehouse_other=kept");

        GatewayCookies.stripFromRequest(headers, OURS);

        assertThat(headers.getAll("Cookie")).containsExactly("a=1; b=2; c=3; _gatehouse_other=kept");
    }

    @Test
    void dropsTheCookieHeaderWhenOnlyTheGatewaysWereThere() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Cookie", "_gatehouse=session");

        GatewayCookies.stripFromRequest(headers, OURS);

        assertThat(headers.contains("Cookie")).isFalse();
    }

    @Test
    void dropsUpstreamSetCookiesForTheGatewaysNames() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Set-Cookie", "_gatehouse=evil; Path=/; HttpOnly")
                .add("Set-Cookie", "app=1; Path=/")
                .add("Set-Cookie", " _gatehouse_csrf=evil");

        GatewayCookies.stripFromResponse(headers, OURS);

        assertThat(headers.getAll("Set-Cookie")).containsExactly("app=1; Path=/");
    }

    @Test
    void throughTheProxyTheUpstreamNeitherSeesNorSetsTheSession() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            RecordingUpstream upstream = RecordingUpstream.start(vertx);
            ProxyOnlyGateway gateway = ProxyOnlyGateway.start(vertx,
                    UpstreamProxyOptions.defaults().withGatewayCookies(Set.of("_gatehouse")));
            gateway.route(UpstreamCall.of(Routes.route(), Routes.upstream(upstream.url()), "cookies"));

            Client.Answer answer = new Client(vertx.createHttpClient(), gateway.port()).get("/",
                    MultiMap.caseInsensitiveMultiMap().add("Cookie", "_gatehouse=session-secret; theme=dark"));

            assertThat(upstream.next().headers().getAll("Cookie")).containsExactly("theme=dark");
            assertThat(answer.headers().getAll("Set-Cookie")).containsExactly("app=1; Path=/");
        } finally {
            Await.await(vertx.close());
        }
    }
}
