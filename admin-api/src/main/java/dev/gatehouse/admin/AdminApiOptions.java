package dev.gatehouse.admin;

import dev.gatehouse.core.crypto.SecretBox;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What the admin API needs: the database, the operator token, the master-key box for secrets, a clock, whether
 * this process's gateway has loaded its configuration snapshot (part of /readyz; always true without a gateway), and
 * the email of the gateway's own Google service account when the operator named it (shown in the gcloud commands of
 * upstreams the gateway signs for as itself; a placeholder otherwise).
 */
public record AdminApiOptions(
    Pool pool, String operatorToken, SecretBox secrets, Clock clock, BooleanSupplier configLoaded,
    Optional<String> gatewayServiceAccount) {

  public AdminApiOptions {
    Objects.requireNonNull(gatewayServiceAccount, "gatewayServiceAccount");
  }

  public AdminApiOptions(Pool pool, String operatorToken, SecretBox secrets, Clock clock) {
    this(pool, operatorToken, secrets, clock, () -> true);
  }

  public AdminApiOptions(
      Pool pool, String operatorToken, SecretBox secrets, Clock clock, BooleanSupplier configLoaded) {
    this(pool, operatorToken, secrets, clock, configLoaded, Optional.empty());
  }

  public AdminApiOptions withGatewayServiceAccount(Optional<String> email) {
    return new AdminApiOptions(pool, operatorToken, secrets, clock, configLoaded, email);
  }

  @Override
  public String toString() {
    return "AdminApiOptions[secrets redacted]";
  }
}
