package dev.gatehouse.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    private static final String TEST_MIGRATIONS = "classpath:db/test-migration";
    private static final Path SHARED_RUNTIME = Path.of(System.getProperty("java.io.tmpdir"), "gatehouse-pg-runtime");

    @TempDir
    Path dataDir;

    @Test
    void keepsDataAcrossRestarts() throws Exception {
        try (EmbeddedDatabase db = start(dataDir)) {
            MigrationResult first = Migrations.apply(db.coordinates(), TEST_MIGRATIONS);
            assertThat(first.migrationsExecuted()).isEqualTo(1);
            assertThat(first.currentVersion()).isEqualTo("1");
            update(db.coordinates(), "INSERT INTO t VALUES (1, 'survives a restart')");
        }

        try (EmbeddedDatabase db = start(dataDir)) {
            assertThat(Migrations.apply(db.coordinates(), TEST_MIGRATIONS).migrationsExecuted()).isZero();
            assertThat(queryString(db.coordinates(), "SELECT note FROM t WHERE id = 1")).isEqualTo("survives a restart");
        }
    }

    @Test
    void servesTheGatehouseDatabaseOnLoopbackOnlyWithAPassword() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir)) {
            DatabaseCoordinates coordinates = db.coordinates();

            assertThat(coordinates.host()).isEqualTo("127.0.0.1");
            assertThat(coordinates.database()).isEqualTo("gatehouse");
            assertThat(coordinates.password()).isNotBlank();
            assertThat(queryString(coordinates, "SELECT current_database()")).isEqualTo("gatehouse");
            assertThat(queryString(coordinates, "SHOW listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(queryString(coordinates, "SHOW synchronous_commit")).isEqualTo("on");
            assertThat(queryString(coordinates, "SELECT lower('ÉTÉ')")).isEqualTo("été");
            assertThatThrownBy(() -> DriverManager.getConnection(coordinates.jdbcUrl(), "postgres", "wrong").close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("postgres-password")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void appliesNoMigrationWhenThereIsNone() {
        try (EmbeddedDatabase db = start(dataDir)) {
            MigrationResult result = Migrations.apply(db.coordinates(), "classpath:db/no-such-location");

            assertThat(result.migrationsExecuted()).isZero();
            assertThat(result.currentVersion()).isNull();
        }
    }

    @Test
    void refusesADataDirectoryInUse() throws Exception {
        try (EmbeddedDatabase db = start(dataDir)) {
            assertThatThrownBy(() -> start(dataDir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another running Gatehouse");
            assertThat(queryString(db.coordinates(), "SELECT 'still serving'")).isEqualTo("still serving");
        }
    }

    @Test
    void startsDespiteAStalePidFileNamingAnotherProcess() throws Exception {
        start(dataDir).close();
        Path pidFile = dataDir.resolve("postgres/postmaster.pid");
        // A reused pid: this JVM is alive but is no PostgreSQL.
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n" + dataDir.resolve("postgres") + "\n");

        try (EmbeddedDatabase db = start(dataDir)) {
            assertThat(queryString(db.coordinates(), "SELECT 'started'")).isEqualTo("started");
        }
    }

    @Test
    void leavesAnotherDirectorysPostgresAloneWhenItsPidIsReused(@TempDir Path otherDataDir) throws Exception {
        start(dataDir).close();
        try (EmbeddedDatabase other = start(otherDataDir)) {
            Path otherPidFile = otherDataDir.resolve("postgres/postmaster.pid");
            Files.copy(otherPidFile, dataDir.resolve("postgres/postmaster.pid"));

            try (EmbeddedDatabase db = start(dataDir)) {
                assertThat(queryString(db.coordinates(), "SELECT 'started'")).isEqualTo("started");
            }
            assertThat(queryString(other.coordinates(), "SELECT 'untouched'")).isEqualTo("untouched");
        }
    }

    @Test
    void stopsThePostgresOrphanedByAKilledOwner() throws Exception {
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledOwner.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).startsWith("ready ");
        }
        long orphanPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).strip());
        owner.destroyForcibly();
        assertThat(owner.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);

        try (EmbeddedDatabase db = start(dataDir)) {
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(queryString(db.coordinates(), "SELECT 'restarted'")).isEqualTo("restarted");
        }
    }

    @Test
    void startsOnAnotherPortWhenThePickedOneIsTakenBeforePostgresBindsIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            RecordingPorts ports = new RecordingPorts(List.of(taken.getLocalPort()));

            try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, SHARED_RUNTIME, ports)) {
                assertThat(ports.handedOut).hasSize(2).startsWith(taken.getLocalPort());
                assertThat(db.coordinates().port()).isEqualTo(ports.handedOut.get(1));
                assertThat(queryString(db.coordinates(), "SELECT 'started'")).isEqualTo("started");
            }
            assertThat(Files.readString(dataDir.resolve("postgres.log")))
                    .contains("Address already in use")
                    .contains("port " + taken.getLocalPort() + "?");
        }
    }

    @Test
    void givesUpWhenThePortIsTakenOnEveryAttempt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            RecordingPorts ports = new RecordingPorts(List.of(port, port, port, port));

            assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir, SHARED_RUNTIME, ports))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("taken before it could bind it, 3 times in a row");
            assertThat(ports.handedOut).containsExactly(port, port, port);
        }
        try (EmbeddedDatabase db = start(dataDir)) {
            assertThat(queryString(db.coordinates(), "SELECT 'started'")).isEqualTo("started");
        }
    }

    @Test
    void doesNotRetryAStartThatFailedForAnotherReason() throws Exception {
        start(dataDir).close();
        Path config = dataDir.resolve("postgres/postgresql.conf");
        String goodConfig = Files.readString(config);
        Files.writeString(config, goodConfig + "\nthis is not a setting\n");
        RecordingPorts ports = new RecordingPorts(List.of());

        assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir, SHARED_RUNTIME, ports))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PostgreSQL exited during start-up")
                .hasMessageContaining("contains errors");
        assertThat(ports.handedOut).hasSize(1);

        Files.writeString(config, goodConfig);
        try (EmbeddedDatabase db = start(dataDir)) {
            assertThat(queryString(db.coordinates(), "SELECT 'started'")).isEqualTo("started");
        }
    }

    /** Hands out the given ports first, then free ones, and remembers what it handed out. */
    private static final class RecordingPorts implements PortChooser {
        private final List<Integer> first;
        private final List<Integer> handedOut = new ArrayList<>();

        RecordingPorts(List<Integer> first) {
            this.first = first;
        }

        @Override
        public synchronized int next() {
            int port = handedOut.size() < first.size() ? first.get(handedOut.size())
                    : PortChooser.freeLoopbackPort().next();
            handedOut.add(port);
            return port;
        }
    }

    /** Shares unpacked binaries between tests: unpacking takes seconds. */
    private static EmbeddedDatabase start(Path dataDir) {
        return EmbeddedDatabase.start(dataDir, SHARED_RUNTIME);
    }

    private static void update(DatabaseCoordinates db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static String queryString(DatabaseCoordinates db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
