package dev.gatehouse.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.net.CidrBlock;
import dev.gatehouse.gateway.proxy.TrustedPeers;
import java.net.InetAddress;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SourceAddressesTest {
    /** nginx on this host, an internal load balancer network, and a Google front end range. */
    private static final TrustedPeers TRUSTED = TrustedPeers.within(Stream.of("127.0.0.1", "10.0.0.0/8",
            "130.211.0.0/22", "2001:db8:ffff::/48").map(CidrBlock::parse).toList());

    static Stream<Arguments> chains() {
        return Stream.of(
                Arguments.of(List.of("203.0.113.7"), "203.0.113.7"),
                Arguments.of(List.of("203.0.113.7, 10.1.2.3"), "203.0.113.7"),
                Arguments.of(List.of("203.0.113.7,10.1.2.3,130.211.0.9,127.0.0.1"), "203.0.113.7"),
                Arguments.of(List.of("198.51.100.1, 203.0.113.7, 10.1.2.3"), "203.0.113.7"),
                Arguments.of(List.of("6.6.6.6, 203.0.113.7"), "203.0.113.7"),
                Arguments.of(List.of("10.9.9.9, 10.1.2.3"), "10.9.9.9"),
                Arguments.of(List.of("198.51.100.1", "203.0.113.7, 10.1.2.3"), "203.0.113.7"),
                Arguments.of(List.of("198.51.100.1, 10.1.1.1", "10.1.2.3"), "198.51.100.1"),
                Arguments.of(List.of("2001:db8::7, 2001:db8:ffff::1"), "2001:db8:0:0:0:0:0:7"),
                Arguments.of(List.of("[2001:db8::7]:4711, 10.1.2.3"), "2001:db8:0:0:0:0:0:7"),
                Arguments.of(List.of("203.0.113.7:4711"), "203.0.113.7"),
                Arguments.of(List.of("garbage, 203.0.113.7"), "203.0.113.7"));
    }

    @ParameterizedTest
    @MethodSource("chains")
    void theClientIsTheFirstUntrustedAddressFromTheRight(List<String> lines, String client) {
        assertThat(SourceAddresses.client(lines, TRUSTED).getHostAddress()).isEqualTo(client);
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.7, garbage", "203.0.113.7, evil.example", "203.0.113.7,, 10.1.2.3",
        "203.0.113.7, unknown", "", " ", "203.0.113.7, 10.1.2.3:", "203.0.113.7, [10.1.2.3]",
        "203.0.113.7, 10.1.2.3:123456", "203.0.113.7, fe80::1%eth0", "203.0.113.7, [2001:db8::1"})
    void junkWhereTheClientShouldBeLeavesTheAddressUnknown(String header) {
        assertThat(SourceAddresses.client(List.of(header), TRUSTED)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"192.0.2.1, 192.0.2.1", "192.0.2.1:80, 192.0.2.1", "[::1], 0:0:0:0:0:0:0:1",
        "[::1]:443, 0:0:0:0:0:0:0:1", "::1, 0:0:0:0:0:0:0:1"})
    void entriesMayCarryAPort(String entry, String address) {
        InetAddress parsed = SourceAddresses.address(entry);
        assertThat(parsed.getHostAddress()).isEqualTo(address);
    }
}
