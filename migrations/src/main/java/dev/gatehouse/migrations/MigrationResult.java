package dev.gatehouse.migrations;

/**
 * What a migration run did.
 *
 * @param initialVersion schema version before the run, null for an empty schema
 * @param currentVersion schema version after the run, null when no migration exists
 */
public record MigrationResult(int migrationsExecuted, String initialVersion, String currentVersion) {
}
