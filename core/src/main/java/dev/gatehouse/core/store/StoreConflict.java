package dev.gatehouse.core.store;

/**
 * The database refused a write because of a constraint: a duplicate ({@link Kind#UNIQUE}) or a reference
 * ({@link Kind#REFERENCE}). {@code constraint} names the schema constraint; it is meant for mapping, not display.
 */
public final class StoreConflict extends RuntimeException {
  public enum Kind { UNIQUE, REFERENCE }

  private final Kind kind;
  private final String constraint;

  public StoreConflict(Kind kind, String constraint) {
    super(kind + " violation of " + constraint, null, false, false);
    this.kind = kind;
    this.constraint = constraint;
  }

  public Kind kind() {
    return kind;
  }

  public String constraint() {
    return constraint;
  }
}
