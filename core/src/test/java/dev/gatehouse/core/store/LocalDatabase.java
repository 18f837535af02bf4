package dev.gatehouse.core.store;

import io.vertx.pgclient.PgConnectOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;

/** TEMPORARY until testkit's TestDatabase is merged: one embedded PostgreSQL per JVM, a migrated database per call. */
public final class LocalDatabase {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  private LocalDatabase() {}

  public static synchronized PgConnectOptions fresh() {
    try {
      if (postgres == null) {
        Path dir = Files.createTempDirectory("gatehouse-pg");
        postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(dir.toFile()).start();
      }
      String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
      try (Connection c = postgres.getPostgresDatabase().getConnection()) {
        c.createStatement().execute("CREATE DATABASE " + name);
      }
      String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name;
      Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration").load().migrate();
      return new PgConnectOptions().setHost("localhost").setPort(postgres.getPort()).setDatabase(name)
          .setUser("postgres").setPassword("postgres");
    } catch (IOException | SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
