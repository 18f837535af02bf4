package dev.gatehouse.core.store;

/** The tenant a change was made for no longer exists (deleted concurrently); the change was rolled back. */
public final class TenantGone extends RuntimeException {
  public TenantGone() {
    super("the tenant no longer exists", null, false, false);
  }
}
