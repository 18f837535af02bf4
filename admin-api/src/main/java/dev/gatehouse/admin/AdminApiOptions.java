package dev.gatehouse.admin;

import dev.gatehouse.core.crypto.SecretBox;
import io.vertx.sqlclient.Pool;
import java.time.Clock;

/** What the admin API needs: the database, the operator token, the master-key box for secrets, and a clock. */
public record AdminApiOptions(Pool pool, String operatorToken, SecretBox secrets, Clock clock) {}
