package dev.gatehouse.admin.resources;

/** A validated resource about to be written, and whether the request wrote a secret (for audit redaction). */
record Draft<R>(R value, boolean secretWritten) {
  static <R> Draft<R> of(R value) {
    return new Draft<>(value, false);
  }
}
