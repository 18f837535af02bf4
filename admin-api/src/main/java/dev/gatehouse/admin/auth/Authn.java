package dev.gatehouse.admin.auth;

import dev.gatehouse.admin.http.Problem;
import dev.gatehouse.core.crypto.AdminKeys;
import dev.gatehouse.core.store.AdminKeyRows;
import dev.gatehouse.core.store.ConfigStore;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Bearer authentication: the operator token, or a tenant admin key looked up by its hash. */
public final class Authn implements Handler<RoutingContext> {
  private static final String BEARER = "bearer ";

  private final ConfigStore store;
  private final byte[] operatorToken;

  public Authn(ConfigStore store, String operatorToken) {
    if (operatorToken == null || operatorToken.isBlank()) {
      throw new IllegalArgumentException("an operator token is required");
    }
    this.store = store;
    this.operatorToken = operatorToken.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || header.length() <= BEARER.length()
        || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      ctx.fail(Problem.unauthenticated());
      return;
    }
    String token = header.substring(BEARER.length()).trim();
    if (MessageDigest.isEqual(operatorToken, token.getBytes(StandardCharsets.UTF_8))) {
      Caller.set(ctx, new Caller.Operator());
      ctx.next();
      return;
    }
    if (!AdminKeys.looksLikeKey(token)) {
      ctx.fail(Problem.unauthenticated());
      return;
    }
    store.read(conn -> AdminKeyRows.byHash(conn, AdminKeys.hash(token))).onComplete(found -> {
      if (found.failed()) {
        ctx.fail(found.cause());
      } else if (found.result().isEmpty() || found.result().get().key().revoked()) {
        ctx.fail(Problem.unauthenticated());
      } else {
        var key = found.result().get();
        Caller.set(ctx, new Caller.TenantAdmin(key.key().tenantId(), key.tenantSlug(), key.key().prefix()));
        ctx.next();
      }
    });
  }
}
