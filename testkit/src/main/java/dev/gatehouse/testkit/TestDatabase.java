package dev.gatehouse.testkit;

import java.util.concurrent.atomic.AtomicInteger;

import dev.gatehouse.migrations.DatabaseCoordinates;
import io.vertx.pgclient.PgConnectOptions;

/**
 * Gives each test its own migrated PostgreSQL database, in about the time of a {@code CREATE DATABASE}.
 *
 * <p>One server per JVM: the embedded one (started on first use, in a temporary directory, stopped and deleted at
 * JVM exit), or the server named by {@code GATEHOUSE_TEST_DATABASE_URL} (a superuser or a role with CREATEDB). The
 * migrations on the classpath ({@code classpath:db/migration}) are applied once, to a template database; every
 * {@link #fresh()} copies it. Names carry a per-JVM run id so several JVMs can share one external server; on an
 * external server the databases are dropped at JVM exit.
 */
public final class TestDatabase {

    public static final String EXTERNAL_URL_VARIABLE = "GATEHOUSE_TEST_DATABASE_URL";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static TemplateServer server;

    private TestDatabase() {
    }

    /** A new database, empty but for the migrated schema, that no other caller gets. */
    public static DatabaseCoordinates fresh() {
        return server().createFromTemplate("test_" + COUNTER.incrementAndGet());
    }

    public static PgConnectOptions connectOptions(DatabaseCoordinates db) {
        return new PgConnectOptions()
                .setHost(db.host())
                .setPort(db.port())
                .setDatabase(db.database())
                .setUser(db.user())
                .setPassword(db.password());
    }

    private static synchronized TemplateServer server() {
        if (server == null) {
            String external = System.getenv(EXTERNAL_URL_VARIABLE);
            server = external == null || external.isBlank()
                    ? TemplateServer.embedded()
                    : TemplateServer.external(DatabaseCoordinates.parse(external));
        }
        return server;
    }
}
