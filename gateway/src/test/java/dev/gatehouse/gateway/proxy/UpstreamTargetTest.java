package dev.gatehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UpstreamTargetTest {

    @Test
    void cloudRunUrlUsesTlsPort443AndAHostWithoutPort() {
        UpstreamTarget target = UpstreamTarget.parse("https://hello-abc123-ew.a.run.app");

        assertThat(target.ssl()).isTrue();
        assertThat(target.port()).isEqualTo(443);
        assertThat(target.connectHost()).isEqualTo("hello-abc123-ew.a.run.app");
        assertThat(target.authority().toString()).isEqualTo("hello-abc123-ew.a.run.app");
        assertThat(target.uri("/a?b=c")).isEqualTo("/a?b=c");
    }

    @Test
    void explicitPortAndBasePath() {
        UpstreamTarget target = UpstreamTarget.parse("http://api.internal:8081/v2/");

        assertThat(target.ssl()).isFalse();
        assertThat(target.authority().toString()).isEqualTo("api.internal:8081");
        assertThat(target.uri("/users?id=1")).isEqualTo("/v2/users?id=1");
        assertThat(target.uri("/")).isEqualTo("/v2/");
    }

    @Test
    void ipv6LiteralConnectsWithoutBracketsAndSendsThemInHost() {
        UpstreamTarget target = UpstreamTarget.parse("http://[::1]:9000");

        assertThat(target.connectHost()).isEqualTo("::1");
        assertThat(target.authority().toString()).isEqualTo("[::1]:9000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://x", "not a url", "/relative", "http://"})
    void refusesUnusableUrls(String url) {
        assertThatThrownBy(() -> UpstreamTarget.parse(url)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../x", "/a/..", "/a/./b", "/a/%2E%2E/b", "/a/.%2e", "/a\\..\\b", "/a/%2e%2e%5cb"})
    void findsDotSegments(String path) {
        assertThat(RequestTargets.hasDotSegment(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/a/b", "/.well-known/x", "/a/..b/c..", "/%2e%2ex"})
    void acceptsOrdinaryPaths(String path) {
        assertThat(RequestTargets.hasDotSegment(path)).isFalse();
    }
}
