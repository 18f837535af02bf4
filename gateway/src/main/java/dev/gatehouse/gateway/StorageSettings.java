package dev.gatehouse.gateway;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where Gatehouse keeps its state. {@code databaseUrl} empty: an embedded PostgreSQL in the data directory;
 * {@code masterKey} empty: one generated into the data directory.
 */
public record StorageSettings(Path dataDir, Optional<String> databaseUrl, Optional<String> masterKey) {
    public static final Path DEFAULT_DATA_DIR = Path.of(".gatehouse");
    public static final Path DEMO_DATA_DIR = Path.of(".gatehouse-demo");

    public StorageSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        Objects.requireNonNull(masterKey, "masterKey");
    }

    /** An embedded database and a generated master key in {@code dataDir}. */
    public static StorageSettings defaults(Path dataDir) {
        return new StorageSettings(dataDir, Optional.empty(), Optional.empty());
    }

    public StorageSettings withDatabaseUrl(String databaseUrl) {
        return new StorageSettings(dataDir, Optional.of(databaseUrl), masterKey);
    }

    /** The database URL (with its password) and the master key never appear here. */
    @Override
    public String toString() {
        return "StorageSettings[dataDir=" + dataDir
                + ", databaseUrl=" + (databaseUrl.isPresent() ? "[set]" : "[embedded]")
                + ", masterKey=" + (masterKey.isPresent() ? "[set]" : "[generated]") + "]";
    }
}
