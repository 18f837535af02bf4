package dev.gatehouse.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AdminKeysTest {

    @Test
    void issuesKeysInTheDocumentedFormat() throws Exception {
        AdminKeys.Issued issued = AdminKeys.issue();

        assertThat(issued.plaintext()).startsWith("ghk_").hasSize(4 + 43).matches("ghk_[A-Za-z0-9_-]{43}");
        assertThat(issued.prefix()).hasSize(12).isEqualTo(issued.plaintext().substring(0, 12));
        assertThat(issued.hash()).isEqualTo(
                MessageDigest.getInstance("SHA-256").digest(issued.plaintext().getBytes(StandardCharsets.UTF_8)));
        assertThat(AdminKeys.looksLikeKey(issued.plaintext())).isTrue();
        assertThat(issued.toString()).doesNotContain(issued.plaintext());
    }

    @Test
    void issuesDistinctKeysAndPrefixes() {
        Set<String> keys = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            AdminKeys.Issued issued = AdminKeys.issue();
            keys.add(issued.plaintext());
            prefixes.add(issued.prefix());
        }

        assertThat(keys).hasSize(1000);
        // 8 random base64 characters (48 bits) per prefix: a collision among 1000 is about 1 in 10^9.
        assertThat(prefixes).hasSize(1000);
    }

    @Test
    void spreadsRandomnessOverTheWholeAlphabet() {
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            for (char c : AdminKeys.issue().plaintext().substring(4).toCharArray()) {
                seen.add(c);
            }
        }

        assertThat(seen).hasSize(64);
    }

    @Test
    void matchesOnlyTheIssuedKey() {
        AdminKeys.Issued issued = AdminKeys.issue();
        String other = AdminKeys.issue().plaintext();

        assertThat(AdminKeys.matches(issued.plaintext(), issued.hash())).isTrue();
        assertThat(AdminKeys.matches(other, issued.hash())).isFalse();
        assertThat(AdminKeys.matches(null, issued.hash())).isFalse();
        assertThat(AdminKeys.hash(issued.plaintext())).isEqualTo(issued.hash());
    }

    @Test
    void recognisesTheKeyShape() {
        String key = AdminKeys.issue().plaintext();

        assertThat(AdminKeys.looksLikeKey(null)).isFalse();
        assertThat(AdminKeys.looksLikeKey("")).isFalse();
        assertThat(AdminKeys.looksLikeKey("ghk_")).isFalse();
        assertThat(AdminKeys.looksLikeKey(key.substring(0, key.length() - 1))).isFalse();
        assertThat(AdminKeys.looksLikeKey(key + "A")).isFalse();
        assertThat(AdminKeys.looksLikeKey("ghx_" + key.substring(4))).isFalse();
        assertThat(AdminKeys.looksLikeKey(key.substring(0, 10) + "+" + key.substring(11))).isFalse();
        assertThat(AdminKeys.looksLikeKey("Bearer " + key)).isFalse();
    }
}
