package dev.gatehouse.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void encodesTheRequestedNumberOfRandomBytesAsBase64Url() {
        String token = Tokens.random(32);

        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(Tokens.random(32)).isNotEqualTo(token);
    }

    @Test
    void refusesTokensTooShortToBeSecret() {
        assertThat(Tokens.random(16)).hasSize(22);
        assertThatThrownBy(() -> Tokens.random(15))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16");
    }

    @Test
    void comparesSecrets() {
        assertThat(Tokens.constantTimeEquals("abc", "abc")).isTrue();
        assertThat(Tokens.constantTimeEquals("abc", "abd")).isFalse();
        assertThat(Tokens.constantTimeEquals("abc", "abcd")).isFalse();
        assertThat(Tokens.constantTimeEquals(null, "abc")).isFalse();
        assertThat(Tokens.constantTimeEquals("abc", null)).isFalse();
    }
}
