package dev.gatehouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ReadyLineTest {

    @Test
    void bothRolesOnEveryInterfacePrintLoopbackUrls() {
        assertThat(ReadyLine.format("0.0.0.0", OptionalInt.of(8080), OptionalInt.of(9090)))
                .isEqualTo("gatehouse ready gateway=http://127.0.0.1:8080 admin=http://127.0.0.1:9090");
        assertThat(ReadyLine.format("::", OptionalInt.of(1), OptionalInt.of(2)))
                .isEqualTo("gatehouse ready gateway=http://127.0.0.1:1 admin=http://127.0.0.1:2");
    }

    @Test
    void onlyTheRolesThatRunAppear() {
        assertThat(ReadyLine.format("0.0.0.0", OptionalInt.empty(), OptionalInt.of(9090)))
                .isEqualTo("gatehouse ready admin=http://127.0.0.1:9090");
        assertThat(ReadyLine.format("0.0.0.0", OptionalInt.of(8080), OptionalInt.empty()))
                .isEqualTo("gatehouse ready gateway=http://127.0.0.1:8080");
    }

    @Test
    void aSpecificBindAddressIsPrintedAsIs() {
        assertThat(ReadyLine.format("10.1.2.3", OptionalInt.of(80), OptionalInt.empty()))
                .isEqualTo("gatehouse ready gateway=http://10.1.2.3:80");
        assertThat(ReadyLine.format("::1", OptionalInt.empty(), OptionalInt.of(9090)))
                .isEqualTo("gatehouse ready admin=http://[::1]:9090");
        assertThat(ReadyLine.format("localhost", OptionalInt.empty(), OptionalInt.of(9090)))
                .isEqualTo("gatehouse ready admin=http://localhost:9090");
    }
}
