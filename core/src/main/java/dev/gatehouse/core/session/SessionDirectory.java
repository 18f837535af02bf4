package dev.gatehouse.core.session;

import dev.gatehouse.core.store.Page;
import dev.gatehouse.core.store.PageRequest;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is signed in to a tenant, one {@link SignIn} per login, and ending sign-ins. The admin API reads sessions
 * through this, so it needs no part of the gateway; the gateway implements it over its session store. Sign-ins are
 * named by their {@link SignInHandle}, never by a session or login id (those are bearer secrets).
 */
public interface SessionDirectory {

  /**
   * The tenant's live sign-ins, newest first ({@link SignInPages} order and cursors).
   *
   * @param user when present, only the sign-ins whose subject or email is exactly this
   */
  Future<Page<SignIn>> list(UUID tenantId, Optional<String> user, PageRequest page);

  /** The live sign-in with this handle; empty when the tenant has none with it. */
  Future<Optional<SignIn>> find(UUID tenantId, String handle);

  /** Ends the sign-in with this handle on every hostname. @return what was ended; empty when none has the handle */
  Future<Optional<SignIn>> revoke(UUID tenantId, String handle);

  /** Ends every sign-in whose subject or email is exactly {@code user}. @return what was ended (maybe nothing) */
  Future<List<SignIn>> revokeUser(UUID tenantId, String user);
}
