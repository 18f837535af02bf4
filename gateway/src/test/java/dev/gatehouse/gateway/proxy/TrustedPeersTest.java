package dev.gatehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.net.CidrBlock;
import dev.gatehouse.core.net.IpLiterals;
import io.vertx.core.net.SocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedPeersTest {
    private final TrustedPeers peers = TrustedPeers.within(List.of(CidrBlock.parse("127.0.0.1"),
            CidrBlock.parse("10.0.0.0/8"), CidrBlock.parse("::1")));

    @Test
    void trustsPeersInsideTheRangesOnly() {
        assertThat(peers.trusts(SocketAddress.inetSocketAddress(40000, "127.0.0.1"))).isTrue();
        assertThat(peers.trusts(SocketAddress.inetSocketAddress(40000, "10.200.0.1"))).isTrue();
        assertThat(peers.trusts(SocketAddress.inetSocketAddress(40000, "::1"))).isTrue();
        assertThat(peers.trusts(SocketAddress.inetSocketAddress(40000, "127.0.0.2"))).isFalse();
        assertThat(peers.trusts(SocketAddress.inetSocketAddress(40000, "11.0.0.1"))).isFalse();
        assertThat(peers.trustsHostAddress("10.1.1.1")).isTrue();
        assertThat(peers.trusts(IpLiterals.parse("::ffff:10.1.1.1"))).isTrue();
    }

    @Test
    void neverTrustsWhatIsNotAnAddressLiteral() {
        assertThat(peers.trusts(SocketAddress.domainSocketAddress("/run/gatehouse.sock"))).isFalse();
        assertThat(peers.trusts((SocketAddress) null)).isFalse();
        assertThat(peers.trustsHostAddress("localhost")).isFalse();
        assertThat(peers.trustsHostAddress(null)).isFalse();
    }

    @Test
    void noRangesTrustNobody() {
        assertThat(TrustedPeers.within(List.of())).isSameAs(TrustedPeers.none());
        assertThat(TrustedPeers.none().trustsAny()).isFalse();
        assertThat(TrustedPeers.none().trusts(SocketAddress.inetSocketAddress(1, "127.0.0.1"))).isFalse();
        assertThat(TrustedPeers.any().trusts(SocketAddress.inetSocketAddress(1, "203.0.113.9"))).isTrue();
    }
}
