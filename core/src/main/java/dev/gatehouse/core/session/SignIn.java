package dev.gatehouse.core.session;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One sign-in (a login) of a tenant: the session on the authenticate hostname and the sessions handed off to other
 * hostnames, which share the login.
 *
 * @param handle     names the sign-in without revealing its login or session ids ({@link SignInHandle})
 * @param email      null when the identity provider named none
 * @param name       the {@code name} claim; null when absent
 * @param lastSeenAt the latest request on any of its hostnames
 * @param expiresAt  the absolute end; without requests it ends earlier, after the idle lifetime
 * @param hostnames  where it has a session, sorted; empty when not known
 * @param sessions   how many sessions (one per hostname)
 */
public record SignIn(
    String handle,
    String idp,
    String sub,
    String email,
    String name,
    List<String> groups,
    Instant createdAt,
    Instant lastSeenAt,
    Instant expiresAt,
    List<String> hostnames,
    int sessions) {

  public SignIn {
    Objects.requireNonNull(handle, "handle");
    Objects.requireNonNull(idp, "idp");
    Objects.requireNonNull(sub, "sub");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    groups = groups == null ? List.of() : List.copyOf(groups);
    hostnames = hostnames == null ? List.of() : hostnames.stream().sorted().distinct().toList();
  }

  /** Whether {@code user} is exactly this sign-in's subject or email. */
  public boolean belongsTo(String user) {
    return sub.equals(user) || user.equals(email);
  }
}
