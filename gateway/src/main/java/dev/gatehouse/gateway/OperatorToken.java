package dev.gatehouse.gateway;

import dev.gatehouse.core.crypto.Tokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The operator's bearer token: configured (inline or {@code file:PATH}), or generated once into the data directory
 * so that restarts keep it. {@code generatedAt} is present only on the run that generated it, the one run that
 * shows it to the operator.
 */
record OperatorToken(String value, Optional<Path> generatedAt) {
    static final String FILE_NAME = "operator-token";
    private static final String FILE_PREFIX = "file:";

    static OperatorToken resolve(Optional<String> configured, Path dataDir) {
        if (configured.isPresent()) {
            String value = configured.get();
            return new OperatorToken(value.startsWith(FILE_PREFIX)
                    ? read(Path.of(value.substring(FILE_PREFIX.length())), "operator token file")
                    : value, Optional.empty());
        }
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            return new OperatorToken(read(file, "saved operator token"), Optional.empty());
        }
        String token = Tokens.random(32);
        write(file, token);
        return new OperatorToken(token, Optional.of(file));
    }

    String announcement() {
        return "gatehouse operator token (saved to " + generatedAt.orElseThrow() + "): " + value;
    }

    @Override
    public String toString() {
        return "OperatorToken[" + (generatedAt.isPresent() ? "generated" : "configured or saved") + "]";
    }

    private static String read(Path file, String what) {
        String token;
        try {
            token = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new InvalidSettingsException("cannot read " + what + " " + file + ": " + e.getMessage());
        }
        if (token.isEmpty() || !token.chars().allMatch(c -> c > ' ' && c != 0x7f)) {
            throw new InvalidSettingsException(what + " " + file
                    + " must hold one token without spaces (delete a saved one to generate a new token)");
        }
        return token;
    }

    /** Written to a private temporary file first, then moved, so a crash never leaves a half-written token. */
    private static void write(Path file, String token) {
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        try {
            Files.deleteIfExists(temporary);
            if (DataDirectory.posix()) {
                Files.createFile(temporary,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(temporary, token + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            throw new InvalidSettingsException(
                    "cannot save the operator token: " + e.getFile() + " appeared meanwhile");
        } catch (IOException e) {
            throw new InvalidSettingsException("cannot save the operator token to " + file + ": " + e.getMessage());
        }
    }
}
