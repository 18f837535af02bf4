package dev.gatehouse.admin;

import dev.gatehouse.core.crypto.SecretBox;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.function.BooleanSupplier;

/**
 * What the admin API needs: the database, the operator token, the master-key box for secrets, a clock, and whether
 * this process's gateway has loaded its configuration snapshot (part of /readyz; always true without a gateway).
 */
public record AdminApiOptions(
    Pool pool, String operatorToken, SecretBox secrets, Clock clock, BooleanSupplier configLoaded) {

  public AdminApiOptions(Pool pool, String operatorToken, SecretBox secrets, Clock clock) {
    this(pool, operatorToken, secrets, clock, () -> true);
  }

  @Override
  public String toString() {
    return "AdminApiOptions[secrets redacted]";
  }
}
