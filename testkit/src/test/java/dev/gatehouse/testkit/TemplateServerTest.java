package dev.gatehouse.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.gatehouse.migrations.DatabaseCoordinates;
import dev.gatehouse.migrations.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The external-server mode (GATEHOUSE_TEST_DATABASE_URL), against a server this test starts. */
class TemplateServerTest {

    @Test
    void externalServerCopiesTheTemplateAndDropsEverythingItCreated(@TempDir Path dataDir) throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir)) {
            DatabaseCoordinates maintenance = db.coordinates().withDatabase("postgres");
            TemplateServer server = TemplateServer.external(maintenance);

            DatabaseCoordinates first = server.createFromTemplate("test_1");
            DatabaseCoordinates second = server.createFromTemplate("test_2");

            assertThat(first.database()).isNotEqualTo(second.database()).startsWith("test_1_");
            assertThat(databasesLike(maintenance, "test\\_%")).containsExactlyInAnyOrder(first.database(), second.database());
            assertThat(databasesLike(maintenance, "gatehouse\\_template\\_%")).hasSize(1);

            server.dropAll();

            assertThat(databasesLike(maintenance, "test\\_%")).isEmpty();
            assertThat(databasesLike(maintenance, "gatehouse\\_template\\_%")).isEmpty();
            assertThat(databasesLike(maintenance, "gatehouse")).containsExactly("gatehouse");
        }
    }

    private static List<String> databasesLike(DatabaseCoordinates db, String pattern) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement s = c.prepareStatement("SELECT datname FROM pg_database WHERE datname LIKE ?")) {
            s.setString(1, pattern);
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        }
    }
}
