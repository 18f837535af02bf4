package dev.gatehouse.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import dev.gatehouse.migrations.DatabaseCoordinates;
import dev.gatehouse.migrations.EmbeddedDatabase;
import dev.gatehouse.migrations.Migrations;

/** A PostgreSQL server holding one migrated template database, from which it creates test databases. */
final class TemplateServer {

    private static final Path SHARED_RUNTIME = Path.of(System.getProperty("java.io.tmpdir"), "gatehouse-pg-runtime");

    private final DatabaseCoordinates maintenance;
    private final String runId = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000_0000, 0x7fff_ffff));
    private final String template = "gatehouse_template_" + runId;
    private final List<String> created = new ArrayList<>();

    private TemplateServer(DatabaseCoordinates maintenance) {
        this.maintenance = maintenance;
    }

    static TemplateServer embedded() {
        Path dir = createTempDirectory();
        EmbeddedDatabase db = EmbeddedDatabase.start(dir, SHARED_RUNTIME);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            db.close();
            deleteRecursively(dir);
        }, "gatehouse-test-database-stop"));
        TemplateServer server = new TemplateServer(db.coordinates().withDatabase("postgres"));
        server.createTemplate();
        return server;
    }

    static TemplateServer external(DatabaseCoordinates maintenance) {
        TemplateServer server = new TemplateServer(maintenance);
        server.createTemplate();
        Runtime.getRuntime().addShutdownHook(new Thread(server::dropAll, "gatehouse-test-database-drop"));
        return server;
    }

    // Serialized: the copies are fast, and concurrent copies of one template are not worth the risk.
    synchronized DatabaseCoordinates createFromTemplate(String name) {
        String database = name + "_" + runId;
        execute("CREATE DATABASE " + database + " TEMPLATE " + template);
        created.add(database);
        return maintenance.withDatabase(database);
    }

    private synchronized void createTemplate() {
        execute("CREATE DATABASE " + template);
        created.add(template);
        Migrations.apply(maintenance.withDatabase(template));
        // A template must have no connections while it is copied; this also keeps tests from writing into it.
        execute("ALTER DATABASE " + template + " WITH ALLOW_CONNECTIONS false IS_TEMPLATE true");
    }

    /** Drops every database this server created, newest first (the template last). */
    synchronized void dropAll() {
        for (int i = created.size() - 1; i >= 0; i--) {
            String database = created.remove(i);
            execute("ALTER DATABASE " + database + " WITH IS_TEMPLATE false");
            execute("DROP DATABASE " + database + " WITH (FORCE)");
        }
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(maintenance.jdbcUrl(), maintenance.user(),
                maintenance.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database server " + maintenance + ": " + sql + " failed", e);
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("gatehouse-test-db-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
