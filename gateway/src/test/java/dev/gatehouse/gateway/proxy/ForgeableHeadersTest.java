package dev.gatehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForgeableHeadersTest {

    @ParameterizedTest(name = "{0}: untrusted {1}, trusted {2}, with authorization {3}")
    @CsvSource({
        "X-Gatehouse-Jwt-Assertion,  true,  true,  true",
        "x-gatehouse-claim-email,    true,  true,  true",
        "X_GATEHOUSE_CLAIM_GROUPS,   true,  true,  true",
        "X-Serverless-Authorization, true,  true,  true",
        "X-Forwarded-For,            true,  false, true",
        "x-forwarded-proto,          true,  false, true",
        "X-Forwarded-Host,           true,  false, true",
        "X-Forwarded-Anything,       true,  false, true",
        "Forwarded,                  true,  false, true",
        "X-Real-IP,                  true,  false, true",
        "Authorization,              false, false, true",
        "Proxy-Authorization,        false, false, false",
        "X-Gatehousekeeping,         false, false, false",
        "Cookie,                     false, false, false",
        "X-Request-Id,               false, false, false",
        "X-Gatehouse,                false, false, false",
        "x_forwarded_,               true,  false, true",
        "X-Real-IPv6,                false, false, false",
        "Authorizations,             false, false, false",
        "Forwarde,                   false, false, false",
    })
    void decidesWhatIsForgeable(String name, boolean untrusted, boolean trusted, boolean withAuthorization) {
        assertThat(ForgeableHeaders.fromPeer(false).isForgeable(name)).isEqualTo(untrusted);
        assertThat(ForgeableHeaders.fromPeer(true).isForgeable(name)).isEqualTo(trusted);
        assertThat(ForgeableHeaders.fromPeer(false).includingAuthorization(true).isForgeable(name))
                .isEqualTo(withAuthorization);
    }

    @Test
    void stripsEveryValueOfEveryForgeableHeader() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("X-Gatehouse-Claim-Email", "a").add("x-gatehouse-claim-email", "b")
                .add("X-Forwarded-For", "1.2.3.4").add("Accept", "text/html").add("Authorization", "Bearer t");

        ForgeableHeaders.fromPeer(false).strip(headers);

        assertThat(headers.names()).containsExactlyInAnyOrder("Accept", "Authorization");
    }

    /** The first step of the pipeline changes the request's own headers, so nothing later sees forged ones. */
    @Test
    void stripInboundChangesTheServerRequestItself() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Promise<MultiMap> seen = Promise.promise();
            HttpServer server = Await.await(vertx.createHttpServer().requestHandler(request -> {
                ForgeableHeaders.stripInbound(request, TrustedPeers.none());
                seen.complete(MultiMap.caseInsensitiveMultiMap().addAll(request.headers()));
                request.response().end();
            }).listen(0, "127.0.0.1"));
            new Client(vertx.createHttpClient(), server.actualPort()).get("/", MultiMap.caseInsensitiveMultiMap()
                    .add("X-Gatehouse-Jwt-Assertion", "forged").add("X-Forwarded-Proto", "https")
                    .add("Authorization", "Bearer from-the-idp"));

            MultiMap headers = Await.await(seen.future());
            assertThat(headers.contains("X-Gatehouse-Jwt-Assertion")).isFalse();
            assertThat(headers.contains("X-Forwarded-Proto")).isFalse();
            assertThat(headers.get("Authorization")).isEqualTo("Bearer from-the-idp");
        } finally {
            Await.await(vertx.close());
        }
    }
}
