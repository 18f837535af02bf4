package dev.gatehouse.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralsTest {
    @ParameterizedTest
    @CsvSource({"10.1.2.3, 10.1.2.3", "::1, 0:0:0:0:0:0:0:1", "2001:db8::7, 2001:db8:0:0:0:0:0:7",
        "::ffff:192.0.2.1, 192.0.2.1"})
    void parsesLiterals(String text, String expected) {
        assertThat(IpLiterals.parse(text).getHostAddress()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "example.com", "localhost", "1234", "10.1.2", "10.1.2.3.4", "300.1.1.1",
        "fe80::1%eth0", "10.0.0.1 ", "[::1]"})
    void refusesEverythingElseWithoutLookingItUp(String text) {
        assertThat(IpLiterals.parse(text)).isNull();
    }
}
