package dev.gatehouse.admin.auth;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;

/** Who is calling: the operator, or the admin of one tenant (by key). */
public sealed interface Caller {
  /** The audit actor: "operator" or "key:PREFIX". */
  String actor();

  record Operator() implements Caller {
    @Override
    public String actor() {
      return "operator";
    }
  }

  record TenantAdmin(UUID tenantId, String slug, String keyPrefix) implements Caller {
    @Override
    public String actor() {
      return "key:" + keyPrefix;
    }
  }

  default boolean isOperator() {
    return this instanceof Operator;
  }

  static Caller of(RoutingContext ctx) {
    Caller caller = ctx.get(Caller.class.getName());
    if (caller == null) {
      throw new IllegalStateException("no authenticated caller on this request");
    }
    return caller;
  }

  static void set(RoutingContext ctx, Caller caller) {
    ctx.put(Caller.class.getName(), caller);
  }
}
