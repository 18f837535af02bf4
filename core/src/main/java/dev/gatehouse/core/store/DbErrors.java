package dev.gatehouse.core.store;

import io.vertx.pgclient.PgException;

/** Turns constraint violations into {@link StoreConflict}; everything else passes through unchanged. */
final class DbErrors {
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String FOREIGN_KEY_VIOLATION = "23503";

  private DbErrors() {}

  static Throwable translate(Throwable error) {
    if (error instanceof PgException pg) {
      String constraint = pg.getConstraint() == null ? "" : pg.getConstraint();
      if (UNIQUE_VIOLATION.equals(pg.getSqlState())) {
        return new StoreConflict(StoreConflict.Kind.UNIQUE, constraint);
      }
      if (FOREIGN_KEY_VIOLATION.equals(pg.getSqlState())) {
        return new StoreConflict(StoreConflict.Kind.REFERENCE, constraint);
      }
    }
    return error;
  }
}
