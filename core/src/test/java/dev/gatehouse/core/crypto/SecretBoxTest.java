package dev.gatehouse.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final String AAD = "tenant/1/idp/2/client_secret";

    private final SecretBox box = new SecretBox(key((byte) 7));

    @Test
    void roundTrips() {
        byte[] sealed = box.seal("s3cr3t ✓", AAD);

        assertThat(box.open(sealed, AAD)).isEqualTo("s3cr3t ✓");
        assertThat(box.open(box.seal("", AAD), AAD)).isEmpty();
    }

    @Test
    void usesTheDocumentedFormatAndHidesThePlaintext() {
        byte[] sealed = box.seal("plaintext-marker", AAD);

        assertThat(sealed[0]).isEqualTo((byte) 1);
        assertThat(sealed).hasSize(1 + 12 + "plaintext-marker".length() + 16);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("plaintext-marker");
    }

    @Test
    void detectsTamperingAnywhere() {
        byte[] sealed = box.seal("s3cr3t", AAD);

        for (int i = 1; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> box.open(tampered, AAD)).isInstanceOf(SecretBoxException.class);
        }
        byte[] truncated = Arrays.copyOf(sealed, sealed.length - 1);
        assertThatThrownBy(() -> box.open(truncated, AAD)).isInstanceOf(SecretBoxException.class);
    }

    @Test
    void rejectsUnknownVersionAndShortInput() {
        byte[] sealed = box.seal("s3cr3t", AAD);
        sealed[0] = 2;

        assertThatThrownBy(() -> box.open(sealed, AAD))
                .isInstanceOf(SecretBoxException.class).hasMessageContaining("version 2");
        assertThatThrownBy(() -> box.open(new byte[10], AAD))
                .isInstanceOf(SecretBoxException.class).hasMessageContaining("too short");
        assertThatThrownBy(() -> box.open(null, AAD)).isInstanceOf(SecretBoxException.class);
    }

    @Test
    void refusesOtherAssociatedData() {
        byte[] sealed = box.seal("s3cr3t", AAD);

        assertThatThrownBy(() -> box.open(sealed, "tenant/2/idp/2/client_secret"))
                .isInstanceOf(SecretBoxException.class);
    }

    @Test
    void refusesAnotherKey() {
        byte[] sealed = box.seal("s3cr3t", AAD);

        assertThatThrownBy(() -> new SecretBox(key((byte) 8)).open(sealed, AAD))
                .isInstanceOf(SecretBoxException.class);
    }

    @Test
    void usesAFreshNonceForEverySeal() {
        byte[] first = box.seal("same", AAD);
        byte[] second = box.seal("same", AAD);

        assertThat(first).isNotEqualTo(second);
        assertThat(Arrays.copyOfRange(first, 1, 13)).isNotEqualTo(Arrays.copyOfRange(second, 1, 13));
    }

    @Test
    void keepsItsOwnCopyOfTheKey() {
        byte[] key = key((byte) 9);
        SecretBox owned = new SecretBox(key);
        byte[] sealed = owned.seal("s3cr3t", AAD);
        Arrays.fill(key, (byte) 0);

        assertThat(owned.open(sealed, AAD)).isEqualTo("s3cr3t");
    }

    @Test
    void rejectsKeysOfTheWrongLength() {
        assertThatThrownBy(() -> new SecretBox(new byte[16]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes, got 16");
    }

    private static byte[] key(byte fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, fill);
        return key;
    }
}
