package dev.gatehouse.migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by this process, keeping its data in {@code dataDir/postgres} across restarts.
 *
 * <p>Binaries (from the Maven Central artifact) are unpacked into {@code dataDir/postgres-runtime}. The server listens
 * on 127.0.0.1 only, on a free port picked at each start (another one if that port gets taken before PostgreSQL binds
 * it), with no Unix socket; logins need the superuser's password ({@code dataDir/postgres-password}). The server's
 * log is appended to {@code dataDir/postgres.log}. As root, PostgreSQL refuses to run; the library then starts it through
 * {@code unshare -U} (an unprivileged user namespace), which must be allowed (some container sandboxes forbid it).
 *
 * <p>Starting blocks for seconds: do it at boot, never on an event loop. The owner must {@link #close()} it; no
 * shutdown hook is registered here so the owner can stop the database after in-flight work has finished.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "gatehouse";
    private static final String SUPERUSER = "postgres";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final DatabaseCoordinates coordinates;

    private EmbeddedDatabase(EmbeddedPostgres postgres, DatabaseCoordinates coordinates) {
        this.postgres = postgres;
        this.coordinates = coordinates;
    }

    public static EmbeddedDatabase start(Path dataDir) {
        return start(dataDir, dataDir.resolve("postgres-runtime"));
    }

    /**
     * Same as {@link #start(Path)} with the binaries unpacked into {@code runtime}, which several processes may
     * share (unpacking takes seconds; test JVMs share one copy). The library unpacks once per JVM: later starts in
     * the same JVM reuse the first location while it exists, whatever {@code runtime} they name.
     */
    public static EmbeddedDatabase start(Path dataDir, Path runtime) {
        return start(dataDir, runtime, PortChooser.freeLoopbackPort());
    }

    static EmbeddedDatabase start(Path dataDir, Path runtime, PortChooser ports) {
        long started = System.nanoTime();
        Path pgData = dataDir.resolve("postgres");
        Path passwordFile = dataDir.resolve("postgres-password");
        try {
            Files.createDirectories(pgData);
            Files.createDirectories(runtime);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the embedded database directories in " + dataDir, e);
        }
        boolean clusterExists = Files.exists(pgData.resolve("postgresql.conf"));
        if (!clusterExists && !isEmpty(pgData)) {
            throw new IllegalStateException("The embedded database directory " + pgData
                    + " is neither empty nor a PostgreSQL cluster (an interrupted first start?); move it away");
        }
        StalePostmaster.clear(pgData);
        String password = SuperuserPassword.readOrCreate(passwordFile, clusterExists);

        PostmasterLog log = new PostmasterLog(dataDir.resolve("postgres.log"));
        EmbeddedPostgres postgres = startServer(new PostmasterStart(
                port -> serverOnPort(port, pgData, runtime, log, passwordFile, password), log, ports), pgData);
        try {
            DatabaseCoordinates admin = new DatabaseCoordinates("127.0.0.1", postgres.getPort(), "postgres", SUPERUSER,
                    password);
            createDatabaseIfAbsent(admin, DATABASE);
            EmbeddedDatabase db = new EmbeddedDatabase(postgres, admin.withDatabase(DATABASE));
            LOG.info("Embedded PostgreSQL ready on 127.0.0.1:{} in {} ms (data in {})", postgres.getPort(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), pgData);
            return db;
        } catch (RuntimeException e) {
            closeQuietly(postgres);
            throw e;
        }
    }

    public DatabaseCoordinates coordinates() {
        return coordinates;
    }

    /** Stops the server (PostgreSQL "fast" shutdown: open transactions are rolled back, data is kept). */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
        }
    }

    private static EmbeddedPostgres startServer(PostmasterStart start, Path pgData) {
        try {
            return start.start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL in " + pgData + ": " + e.getMessage()
                    + rootHint(), e);
        }
    }

    private static EmbeddedPostgres.Builder serverOnPort(int port, Path pgData, Path runtime, PostmasterLog log,
            Path passwordFile, String password) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(runtime.toFile())
                .setPort(port)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // pg_ctl's and the postmaster's output (the library merges stderr into it).
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.file().toFile()))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", "")
                // The library's default trades durability for speed; this database is the product's.
                .setServerConfig("synchronous_commit", "on")
                // initdb options (the library passes its "locale config" entries to initdb as --key=value).
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("locale-provider", "builtin")
                .setLocaleConfig("builtin-locale", "C.UTF-8")
                .setLocaleConfig("pwfile", passwordFile.toAbsolutePath().toString())
                .setLocaleConfig("auth-host", "scram-sha-256")
                .setLocaleConfig("auth-local", "scram-sha-256")
                .setConnectConfig("password", password)
                // The library's readiness probe: a port taken by something that never answers must not hang it.
                .setConnectConfig("loginTimeout", "10");
    }

    private static String rootHint() {
        return "root".equals(System.getProperty("user.name"))
                ? " (running as root: PostgreSQL is started through 'unshare -U', which this environment must allow;"
                  + " otherwise run Gatehouse as a non-root user or set GATEHOUSE_DATABASE_URL)"
                : "";
    }

    private static void createDatabaseIfAbsent(DatabaseCoordinates admin, String name) {
        try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + name + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " in the embedded PostgreSQL", e);
        }
    }

    private static boolean isEmpty(Path dir) {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot stop the embedded PostgreSQL after a failed start", e);
        }
    }
}
