package dev.gatehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

class HopByHopHeadersTest {

    @Test
    void theFixedSetIsHopByHopInAnyCase() {
        HopByHopHeaders none = HopByHopHeaders.of(MultiMap.caseInsensitiveMultiMap());
        for (String name : new String[] {"Connection", "KEEP-ALIVE", "te", "Trailer", "Transfer-Encoding", "Upgrade",
            "Proxy-Connection", "Proxy-Authenticate", "proxy-authorization"}) {
            assertThat(none.contains(name)).as(name).isTrue();
        }
        for (String name : new String[] {"Content-Length", "Host", "Cookie", "TEx", "X-Upgrade", "Trailers"}) {
            assertThat(none.contains(name)).as(name).isFalse();
        }
    }

    @Test
    void headersNamedInConnectionAreHopByHopToo() {
        HopByHopHeaders named = HopByHopHeaders.of(MultiMap.caseInsensitiveMultiMap()
                .add("Connection", "close, X-Foo ,\tx-bar")
                .add("Connection", "Keep-Alive,,X-Baz"));

        assertThat(named.contains("x-foo")).isTrue();
        assertThat(named.contains("X-Bar")).isTrue();
        assertThat(named.contains("X-BAZ")).isTrue();
        assertThat(named.contains("Close")).as("a connection option, not a header").isFalse();
        assertThat(named.contains("X-Qux")).isFalse();
    }

    @Test
    void keepAliveAloneNamesNothingMore() {
        HopByHopHeaders keepAlive = HopByHopHeaders.of(MultiMap.caseInsensitiveMultiMap()
                .add("Connection", "keep-alive"));

        assertThat(keepAlive.contains("X-Anything")).isFalse();
        assertThat(keepAlive.contains("Keep-Alive")).isTrue();
    }
}
