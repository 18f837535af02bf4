package dev.gatehouse.gateway;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The directory holding the embedded database and generated secrets: created private to this user. */
final class DataDirectory {
    private DataDirectory() {
    }

    static Path prepare(Path configured) {
        Path dir = configured.toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InvalidSettingsException("data directory " + dir + " exists and is not a directory");
        }
        try {
            if (!Files.exists(dir)) {
                Files.createDirectories(dir);
                if (posix()) {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                }
            }
        } catch (IOException e) {
            throw new InvalidSettingsException("cannot create data directory " + dir + ": " + e.getMessage());
        }
        if (!Files.isWritable(dir)) {
            throw new InvalidSettingsException("data directory " + dir + " is not writable");
        }
        return dir;
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
