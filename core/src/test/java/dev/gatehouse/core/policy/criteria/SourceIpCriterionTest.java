package dev.gatehouse.core.policy.criteria;

import static dev.gatehouse.core.policy.criteria.CriterionTester.criterionReasons;
import static dev.gatehouse.core.policy.criteria.CriterionTester.errors;
import static dev.gatehouse.core.policy.criteria.CriterionTester.evaluate;
import static dev.gatehouse.core.policy.criteria.CriterionTester.prefix;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.policy.Decision;
import dev.gatehouse.core.policy.TestInputs;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SourceIpCriterionTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("10.0.0.0/8", "10.200.3.4", true),
                Arguments.of("10.0.0.0/8", "11.0.0.1", false),
                Arguments.of("192.168.1.0/25", "192.168.1.127", true),
                Arguments.of("192.168.1.0/25", "192.168.1.128", false),
                Arguments.of("192.168.1.7", "192.168.1.7", true),
                Arguments.of("192.168.1.7", "192.168.1.8", false),
                Arguments.of("10.1.2.3/8", "10.9.9.9", true),
                Arguments.of("0.0.0.0/0", "203.0.113.9", true),
                Arguments.of("0.0.0.0/0", "2001:db8::1", false),
                Arguments.of("2001:db8::/32", "2001:db8:ffff::1", true),
                Arguments.of("2001:db8::/32", "2001:db9::1", false),
                Arguments.of("2001:db8::/33", "2001:db8:8000::1", false),
                Arguments.of("::1", "::1", true),
                Arguments.of("10.0.0.0/8", "::ffff:10.1.1.1", true),
                Arguments.of(List.of("10.0.0.0/8", "2001:db8::/32"), "2001:db8::5", true),
                Arguments.of(List.of("10.0.0.0/8", "172.16.0.0/12"), "172.31.255.255", true),
                Arguments.of(List.of("10.0.0.0/8", "172.16.0.0/12"), "172.32.0.0", false),
                Arguments.of("10.0.0.0/8", null, false));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesAddressesInRanges(Object value, String ip, boolean allowed) {
        Decision decision = evaluate("source_ip", value, TestInputs.anonymous().ip(ip));
        assertThat(decision.allowed()).isEqualTo(allowed);
        assertThat(criterionReasons(decision)).containsExactly(allowed ? "source-ip-ok" : "source-ip-unauthorized");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "256.1.1.1", "10.0.0", "10.0.0.01", "example.com", "localhost",
            "2001:db8::/129", "2001:zz8::/32", "10.0.0.0/", "10.0.0.0/-1", "", "1.2.3.4/08", "::ffff:1.2.3.4"})
    void rejectsInvalidRanges(String value) {
        assertThat(errors("source_ip", value)).containsExactly(
                prefix("source_ip") + "invalid IP address or CIDR range '" + value + "'");
    }

    @Test
    void reportsEachBadListElement() {
        assertThat(errors("source_ip", List.of("10.0.0.0/8", "300.0.0.0/8", 7))).containsExactly(
                prefix("source_ip") + "invalid IP address or CIDR range '300.0.0.0/8'",
                prefix("source_ip") + "expected a string, got number");
    }

    @Test
    void rejectsOtherShapes() {
        assertThat(errors("source_ip", List.of())).containsExactly(prefix("source_ip") + "expected a non-empty list");
        assertThat(errors("source_ip", Map.of("is", "10.0.0.0/8"))).containsExactly(prefix("source_ip")
                + "expected an IP address or CIDR range, or a list of them, got object");
    }
}
