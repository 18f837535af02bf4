package dev.gatehouse.admin;

import dev.gatehouse.core.crypto.SecretBox;
import dev.gatehouse.core.session.SessionDirectory;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What the admin API needs: the database, the operator token, the master-key box for secrets, a clock, whether
 * this process's gateway has loaded its configuration snapshot (part of /readyz; always true without a gateway),
 * the email of the gateway's own Google service account when the operator named it (shown in the gcloud commands of
 * upstreams the gateway signs for as itself; a placeholder otherwise), and the sessions of this process's gateway
 * (empty when the process runs no gateway: the sessions endpoints then answer 503).
 */
public record AdminApiOptions(
    Pool pool, String operatorToken, SecretBox secrets, Clock clock, BooleanSupplier configLoaded,
    Optional<String> gatewayServiceAccount, Optional<SessionDirectory> sessions) {

  public AdminApiOptions {
    Objects.requireNonNull(gatewayServiceAccount, "gatewayServiceAccount");
    Objects.requireNonNull(sessions, "sessions");
  }

  public AdminApiOptions(Pool pool, String operatorToken, SecretBox secrets, Clock clock) {
    this(pool, operatorToken, secrets, clock, () -> true);
  }

  public AdminApiOptions(
      Pool pool, String operatorToken, SecretBox secrets, Clock clock, BooleanSupplier configLoaded) {
    this(pool, operatorToken, secrets, clock, configLoaded, Optional.empty(), Optional.empty());
  }

  public AdminApiOptions withGatewayServiceAccount(Optional<String> email) {
    return new AdminApiOptions(pool, operatorToken, secrets, clock, configLoaded, email, sessions);
  }

  public AdminApiOptions withSessions(SessionDirectory directory) {
    return new AdminApiOptions(pool, operatorToken, secrets, clock, configLoaded, gatewayServiceAccount,
        Optional.of(directory));
  }

  @Override
  public String toString() {
    return "AdminApiOptions[secrets redacted]";
  }
}
