package dev.gatehouse.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.gatehouse.migrations.DatabaseCoordinates;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.Test;

class TestDatabaseTest {

    @Test
    void freshDatabasesAreIsolated() throws Exception {
        DatabaseCoordinates a = TestDatabase.fresh();
        DatabaseCoordinates b = TestDatabase.fresh();

        assertThat(a.database()).isNotEqualTo(b.database());
        update(a, "CREATE TABLE only_in_a (id int)");
        update(a, "INSERT INTO only_in_a VALUES (42)");

        assertThat(queryString(a, "SELECT id::text FROM only_in_a")).isEqualTo("42");
        assertThat(queryString(b, "SELECT to_regclass('only_in_a')::text")).isNull();
    }

    @Test
    void freshDatabasesAreCopiesOfTheMigratedTemplate() throws Exception {
        DatabaseCoordinates db = TestDatabase.fresh();

        assertThat(queryString(db, "SELECT to_regclass('flyway_schema_history')::text"))
                .isEqualTo("flyway_schema_history");
    }

    @Test
    void handsOutDistinctDatabasesToConcurrentCallers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> calls = IntStream.range(0, 8)
                    .<Callable<String>>mapToObj(i -> () -> queryString(TestDatabase.fresh(), "SELECT current_database()"))
                    .toList();
            Set<String> names = pool.invokeAll(calls).stream().map(TestDatabaseTest::get).collect(Collectors.toSet());

            assertThat(names).hasSize(8);
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void connectOptionsReachTheDatabaseWithTheReactiveClient() throws Exception {
        DatabaseCoordinates db = TestDatabase.fresh();
        Vertx vertx = Vertx.vertx();
        try {
            Row row = PgConnection.connect(vertx, TestDatabase.connectOptions(db))
                    .compose(connection -> connection.query("SELECT current_database()").execute()
                            .eventually(connection::close))
                    .await(30, TimeUnit.SECONDS)
                    .iterator().next();

            assertThat(row.getString(0)).isEqualTo(db.database());
        } finally {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    private static String get(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
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
