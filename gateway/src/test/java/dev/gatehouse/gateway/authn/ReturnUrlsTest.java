package dev.gatehouse.gateway.authn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.gatehouse.core.config.TenantConfig;
import dev.gatehouse.core.crypto.SecretBox;
import org.junit.jupiter.api.Test;

class ReturnUrlsTest {

    private final TenantConfig acme = GatewayFixture.tenant("acme", List.of("app.acme.test", "docs.acme.test"),
            "http://127.0.0.1:9/acme", "client", new SecretBox(new byte[32]));
    private final PublicOrigin http8080 = new PublicOrigin("http", "app.acme.test", 8080);

    @Test
    void acceptsAbsoluteUrlsOnTheTenantsHostnamesNormalised() {
        assertThat(ReturnUrls.validate("http://app.acme.test:8080/x?y=1#top", acme, http8080))
                .contains("http://app.acme.test:8080/x?y=1");
        assertThat(ReturnUrls.validate("HTTP://DOCS.ACME.TEST:8080", acme, http8080))
                .contains("http://docs.acme.test:8080/");
        assertThat(ReturnUrls.validate("http://docs.acme.test.:8080/a%2Fb", acme, http8080))
                .contains("http://docs.acme.test:8080/a%2Fb");
        assertThat(ReturnUrls.validate("https://app.acme.test:443/x", acme, new PublicOrigin("https", "app.acme.test", -1)))
                .contains("https://app.acme.test/x");
    }

    @Test
    void refusesEverythingElse() {
        for (String candidate : new String[] {
                null, "", "/relative", "relative", "//evil.example/", "///evil.example/",
                "https://evil.example/", "http://evil.example:8080/",
                "http://app.other.test:8080/",
                "https://app.acme.test:8080/", "http://app.acme.test/", "http://app.acme.test:9090/",
                "http://app.acme.test:8080@evil.example/", "http://user@app.acme.test:8080/",
                "http://app.acme.test:8080\\@evil.example/", "http:\\\\evil.example\\",
                "http://app.acme.test:8080/\r\nSet-Cookie:x=y", "http://app.acme.test:8080/ x",
                "http://app.acme.test:8080/é", "javascript:alert(1)", "http:app.acme.test", "http://[::1]:8080/",
                "http://app.acme.test:8080/" + "a".repeat(5000)}) {
            assertThat(ReturnUrls.validate(candidate, acme, http8080)).as(String.valueOf(candidate)).isEmpty();
        }
    }

    @Test
    void sanitizeFallsBackToTheAuthenticateHostnamesRoot() {
        PublicOrigin onDocs = new PublicOrigin("http", "docs.acme.test", 8080);

        assertThat(ReturnUrls.sanitize("https://evil.example/", acme, onDocs)).isEqualTo("http://app.acme.test:8080/");
        assertThat(ReturnUrls.sanitize("http://docs.acme.test:8080/ok", acme, onDocs))
                .isEqualTo("http://docs.acme.test:8080/ok");
    }
}
