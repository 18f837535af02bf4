package dev.gatehouse.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HostHeadersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "NULL", value = {
        "app.acme.test, app.acme.test",
        "app.acme.test:8080, app.acme.test",
        "APP.Acme.TEST, app.acme.test",
        "App.Acme.Test:443, app.acme.test",
        "127.0.0.1:9000, 127.0.0.1",
        "[::1]:8080, [::1]",
        "[::1], [::1]",
        "app.acme.test., app.acme.test.",
        "':8080', NULL",
        "'', NULL",
        "NULL, NULL"})
    void stripsThePortAndLowerCases(String header, String hostname) {
        assertThat(HostHeaders.hostname(header)).isEqualTo(hostname);
    }

    @Test
    void aHeaderThatNeedsNoChangeIsReturnedAsIs() {
        String header = new String("app.acme.test");
        assertThat(HostHeaders.hostname(header)).isSameAs(header);
    }
}
