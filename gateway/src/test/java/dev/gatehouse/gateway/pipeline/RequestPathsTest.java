package dev.gatehouse.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathsTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/, /",
        "/admin, /admin",
        "/%61dmin, /admin",
        "/%41DMIN/%7euser, /ADMIN/~user",
        "/a%20b, /a%20b",
        "/a%3fb%3F, /a%3Fb%3F",
        "//admin, /admin",
        "/api///v1//x, /api/v1/x",
        "/..., /...",
        "/a/.b/c., /a/.b/c.",
        "/%e2%82%ac, /%E2%82%AC",
        "/;/admin, /admin",
        "/;x=1/admin;jsessionid=2/users, /admin/users",
        "/users;id=3, /users",
        "/a%3Bb, /a%3Bb",
    })
    void normalizes(String raw, String expected) {
        assertThat(RequestPaths.normalize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "admin", "*", "/public/../admin", "/public/./x", "/..", "/.", "/public/%2e%2e/admin",
        "/public/.%2E/admin", "/a%2Fb", "/a%5cb", "/a\\b", "/a%00b", "/a%0d%0ab", "/a%", "/a%4", "/a%zz", "/a b",
        "/..;/admin", "/public/..;x=1/admin", "/public/.;/x", "/public/%2e%2e;/admin"})
    void refuses(String raw) {
        assertThat(RequestPaths.normalize(raw)).isNull();
    }
}
