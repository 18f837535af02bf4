package dev.gatehouse.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void generatesAPrivateKeyFileOnceAndReusesIt() throws Exception {
        byte[] first = MasterKey.resolve(null, dataDir);
        byte[] second = MasterKey.resolve(null, dataDir);

        Path file = dataDir.resolve("master.key");
        assertThat(first).hasSize(32).isEqualTo(second);
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).isEqualTo(first);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (var entries = Files.list(dataDir)) {
            assertThat(entries).containsExactly(file);
        }
    }

    @Test
    void generatesDifferentKeysForDifferentDataDirectories(@TempDir Path other) {
        assertThat(MasterKey.resolve(null, dataDir)).isNotEqualTo(MasterKey.resolve(null, other));
    }

    @Test
    void createsAMissingDataDirectory() {
        Path nested = dataDir.resolve("a/b");

        assertThat(MasterKey.resolve(null, nested)).hasSize(32);
        assertThat(nested.resolve("master.key")).exists();
    }

    @Test
    void prefersTheConfiguredKeyAndWritesNoFile() {
        byte[] key = Tokens.randomBytes(32);

        assertThat(MasterKey.resolve(Base64.getEncoder().encodeToString(key), dataDir)).isEqualTo(key);
        assertThat(MasterKey.resolve(" " + Base64.getUrlEncoder().withoutPadding().encodeToString(key) + "\n", dataDir))
                .isEqualTo(key);
        assertThat(dataDir.resolve("master.key")).doesNotExist();
    }

    @Test
    void readsAConfiguredKeyFile() throws Exception {
        byte[] key = Tokens.randomBytes(32);
        Path file = dataDir.resolve("secret/key");
        Files.createDirectories(file.getParent());
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");

        assertThat(MasterKey.resolve("file:" + file, dataDir)).isEqualTo(key);
    }

    @Test
    void rejectsAKeyOfTheWrongLengthWithoutEchoingIt() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> MasterKey.resolve(shortKey, dataDir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GATEHOUSE_MASTER_KEY must be base64 of 32 bytes, got 16 bytes");
    }

    @Test
    void rejectsMalformedConfiguration() throws Exception {
        assertThatThrownBy(() -> MasterKey.resolve("not base64 at all!", dataDir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GATEHOUSE_MASTER_KEY is not valid base64")
                .hasMessageNotContaining("at all");
        assertThatThrownBy(() -> MasterKey.resolve("  ", dataDir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GATEHOUSE_MASTER_KEY is empty");
        assertThatThrownBy(() -> MasterKey.resolve("file:" + dataDir.resolve("missing"), dataDir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be read");
        Path garbage = dataDir.resolve("garbage");
        Files.writeString(garbage, "é", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> MasterKey.resolve("file:" + garbage, dataDir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not valid base64");
        assertThat(dataDir.resolve("master.key")).doesNotExist();
    }

    @Test
    void rejectsACorruptKeyFileInsteadOfReplacingIt() throws Exception {
        Path file = dataDir.resolve("master.key");
        Files.writeString(file, Base64.getEncoder().encodeToString(new byte[31]));

        assertThatThrownBy(() -> MasterKey.resolve(null, dataDir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("got 31 bytes");
        assertThat(Base64.getDecoder().decode(Files.readString(file))).hasSize(31);
    }
}
