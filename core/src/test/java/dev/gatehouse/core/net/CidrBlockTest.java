package dev.gatehouse.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrBlockTest {

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/8, 10.200.3.4, true",
        "10.0.0.0/8, 11.0.0.1, false",
        "192.168.1.0/25, 192.168.1.127, true",
        "192.168.1.0/25, 192.168.1.128, false",
        "192.168.1.7, 192.168.1.7, true",
        "192.168.1.7, 192.168.1.8, false",
        "10.1.2.3/8, 10.9.9.9, true",
        "0.0.0.0/0, 203.0.113.9, true",
        "0.0.0.0/0, 2001:db8::1, false",
        "::/0, 203.0.113.9, false",
        "2001:db8::/32, 2001:db8:ffff::1, true",
        "2001:db8::/33, 2001:db8:8000::1, false",
        "::1, ::1, true",
        "::1, ::2, false",
        "10.0.0.0/8, ::ffff:10.1.1.1, true"})
    void containsTheAddressesOfItsNetwork(String block, String address, boolean contained) {
        assertThat(CidrBlock.parse(block).contains(IpLiterals.parse(address))).isEqualTo(contained);
    }

    @Test
    void containsNoUnknownAddress() {
        assertThat(CidrBlock.parse("0.0.0.0/0").contains((java.net.InetAddress) null)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "10.1.2.3/8, 10.0.0.0/8, 8",
        "192.0.2.7, 192.0.2.7/32, 32",
        "::1, 0:0:0:0:0:0:0:1/128, 128",
        "2001:DB8::ff/32, 2001:db8:0:0:0:0:0:0/32, 32",
        "172.16.5.4/12, 172.16.0.0/12, 12",
        "0.0.0.0/0, 0.0.0.0/0, 0"})
    void bareAddressesAreSingleHostsAndHostBitsAreCleared(String text, String canonical, int prefix) {
        CidrBlock block = CidrBlock.parse(text);
        assertThat(block.toString()).isEqualTo(canonical);
        assertThat(block.prefixLength()).isEqualTo(prefix);
        assertThat(block).isEqualTo(CidrBlock.parse(canonical)).hasSameHashCodeAs(CidrBlock.parse(canonical));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "256.1.1.1", "10.0.0", "10.0.0.01", "example.com", "localhost",
        "2001:db8::/129", "2001:zz8::/32", "10.0.0.0/", "10.0.0.0/-1", "", "1.2.3.4/08", "::ffff:1.2.3.4",
        " 10.0.0.1", "10.0.0.1 ", "fe80::1%eth0", "[::1]", "10.0.0.0/8/8", "10.0.0.0/+8"})
    void refusesAnythingButALiteralWithAnOptionalPrefix(String text) {
        assertThat(CidrBlock.parse(text)).isNull();
    }

    @Test
    void refusesNull() {
        assertThat(CidrBlock.parse(null)).isNull();
    }
}
