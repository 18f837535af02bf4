package dev.gatehouse.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseCoordinatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "postgres://alice:s3cret@db.example.com:6543/gh | db.example.com | 6543 | gh | alice | s3cret",
        "postgresql://alice:s3cret@db.example.com/gh | db.example.com | 5432 | gh | alice | s3cret",
        "jdbc:postgresql://db:5433/gh?user=alice&password=s3cret | db | 5433 | gh | alice | s3cret",
        "POSTGRES://alice@db/gh | db | 5432 | gh | alice | ",
        "postgres://al%40ice:p%3Aw%2Fd+x@db/my%20db | db | 5432 | my db | al@ice | p:w/d+x",
        "postgres://db/gh?user=a%26b&password=x%3Dy | db | 5432 | gh | a&b | x=y",
        "postgres://u:p@[::1]:7000/gh | [::1] | 7000 | gh | u | p",
        "postgres://u:p@db_1/gh | db_1 | 5432 | gh | u | p",
        "postgres://u:p@db/gh?password=override | db | 5432 | gh | u | override",
    })
    void parsesSupportedForms(String url, String host, int port, String database, String user, String password) {
        DatabaseCoordinates db = DatabaseCoordinates.parse(url);

        assertThat(db).isEqualTo(new DatabaseCoordinates(host, port, database, user, password));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mysql://u:p@db/gh | must start with postgres://",
        "u:p@db/gh | must start with postgres://",
        "postgres://u:p@db | has no database name",
        "postgres://u:p@db/ | has no database name",
        "postgres://u:p@/gh | has no host",
        "postgres://u:p@db:notaport/gh | port that is not a number",
        "postgres://u:p@db:70000/gh | port outside 1-65535",
        "postgres://db/gh | has no user",
        "postgres://u:p@db/gh?sslmode=require | unsupported parameter 'sslmode'",
        "postgres://u:p@a,b/gh | several hosts",
        "postgres://u:p%ZZ@db/gh | malformed percent-encoding",
        "postgres://u:p@db/gh/extra | more than one segment",
    })
    void rejectsBadUrlsClearlyWithoutEchoingThem(String url, String reason) {
        assertThatThrownBy(() -> DatabaseCoordinates.parse(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("GATEHOUSE_DATABASE_URL ")
                .hasMessageContaining(reason)
                .hasMessageNotContaining("u:p");
    }

    @Test
    void rejectsEmpty() {
        assertThatThrownBy(() -> DatabaseCoordinates.parse("  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GATEHOUSE_DATABASE_URL is empty");
        assertThatThrownBy(() -> DatabaseCoordinates.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringHidesThePassword() {
        DatabaseCoordinates db = DatabaseCoordinates.parse("postgres://alice:hunter2@db/gh");

        assertThat(db.toString()).doesNotContain("hunter2").contains("alice").contains("password=***");
        assertThat(new DatabaseCoordinates("h", 1, "d", "u", null).toString()).contains("password=(none)");
    }

    @Test
    void jdbcUrlHasHostPortAndEncodedDatabase() {
        assertThat(new DatabaseCoordinates("db", 6543, "gh", "u", "p").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db:6543/gh");
        assertThat(new DatabaseCoordinates("[::1]", 5432, "a b", "u", "p").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:5432/a+b");
    }
}
