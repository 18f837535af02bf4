package dev.gatehouse.core.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the 32-byte key that seals secrets at rest: configured ({@code GATEHOUSE_MASTER_KEY}, base64, or
 * {@code file:/path} to a file holding it), else {@code dataDir/master.key}, generated on first start with mode 0600.
 * Errors never repeat the key. Blocking file I/O: call at boot.
 */
public final class MasterKey {

    public static final String FILE_NAME = "master.key";
    private static final String SETTING = "GATEHOUSE_MASTER_KEY";
    private static final String FILE_SCHEME = "file:";
    private static final int KEY_BYTES = 32;
    private static final Logger LOG = LoggerFactory.getLogger(MasterKey.class);

    private MasterKey() {
    }

    public static byte[] resolve(String configured, Path dataDir) {
        if (configured != null) {
            return fromConfiguration(configured.strip());
        }
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            generate(file);
        }
        warnIfReadableByOthers(file);
        return decode(read(file), "the key in " + file);
    }

    private static byte[] fromConfiguration(String configured) {
        if (configured.isEmpty()) {
            throw new IllegalArgumentException(SETTING + " is empty; set base64 of 32 random bytes or file:/path");
        }
        if (configured.startsWith(FILE_SCHEME)) {
            Path file = Path.of(configured.substring(FILE_SCHEME.length()));
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException(SETTING + " names the file " + file + ", which cannot be read");
            }
            return decode(read(file), "the key in " + file + " (" + SETTING + ")");
        }
        return decode(configured, SETTING);
    }

    private static byte[] decode(String base64, String what) {
        byte[] key;
        try {
            key = (base64.contains("-") || base64.contains("_") ? Base64.getUrlDecoder() : Base64.getDecoder())
                    .decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not valid base64; expected base64 of 32 random bytes");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(what + " must be base64 of 32 bytes, got " + key.length + " bytes");
        }
        return key;
    }

    /** Writes a new key to a private temporary file, then links it into place so no process sees it half-written. */
    private static void generate(Path file) {
        String key = Base64.getEncoder().encodeToString(Tokens.randomBytes(KEY_BYTES));
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp", ownerOnly());
            try {
                Files.writeString(temporary, key + "\n", StandardCharsets.US_ASCII);
                Files.createLink(file, temporary);
                LOG.info("Generated a new master key in {}; back it up: secrets stored in the database need it", file);
            } catch (FileAlreadyExistsException e) {
                LOG.debug("Another process created {} first; using its key", file);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the master key file " + file, e);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        return isPosix()
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    private static void warnIfReadableByOthers(Path file) {
        if (!isPosix()) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warn("The master key file {} is readable by other users ({}); chmod 600 it", file,
                        PosixFilePermissions.toString(permissions));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the permissions of " + file, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the master key file " + file, e);
        }
    }

    private static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
