package dev.gatehouse.migrations;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies Gatehouse's Flyway migrations. Blocking (JDBC): call at boot or off the event loop. */
public final class Migrations {

    public static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    public static MigrationResult apply(DatabaseCoordinates db) {
        return apply(db, LOCATION);
    }

    /** Same as {@link #apply(DatabaseCoordinates)} from other locations; for tests. */
    public static MigrationResult apply(DatabaseCoordinates db, String... locations) {
        MigrateResult result = Flyway.configure()
                .dataSource(db.jdbcUrl(), db.user(), db.password())
                .locations(locations)
                .failOnMissingLocations(false)
                .load()
                .migrate();
        return new MigrationResult(result.migrationsExecuted, result.initialSchemaVersion, result.targetSchemaVersion);
    }
}
