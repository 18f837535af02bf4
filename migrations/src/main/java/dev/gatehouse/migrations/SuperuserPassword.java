package dev.gatehouse.migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The embedded server's superuser password, kept in a 0600 file next to the data directory. The server accepts only
 * password (SCRAM) logins on 127.0.0.1, so other local users of the machine cannot connect to it.
 */
final class SuperuserPassword {

    private SuperuserPassword() {
    }

    /** Reads the password file; creates it only for a cluster that does not exist yet. */
    static String readOrCreate(Path file, boolean clusterExists) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            if (clusterExists) {
                throw new IllegalStateException("The embedded database exists but its password file " + file
                        + " is missing; restore it or move the data directory away to start over");
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, password, StandardCharsets.UTF_8);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}
