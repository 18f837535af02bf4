package dev.gatehouse.admin.auth;

import dev.gatehouse.admin.http.Patterns;
import dev.gatehouse.admin.http.Problem;
import dev.gatehouse.core.config.Tenant;
import dev.gatehouse.core.store.ConfigStore;
import dev.gatehouse.core.store.TenantRows;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Resolves {slug} for the caller before any handler runs: a tenant admin asking for another tenant gets the same
 * 404 as for a tenant that does not exist, without the database being asked about it.
 */
public final class TenantScope implements Handler<RoutingContext> {
  private final ConfigStore store;

  public TenantScope(ConfigStore store) {
    this.store = store;
  }

  /** The tenant named by the request path, resolved and authorized for the caller. */
  public static Tenant tenant(RoutingContext ctx) {
    Tenant tenant = ctx.get(TenantScope.class.getName());
    if (tenant == null) {
      throw new IllegalStateException("no tenant scope on this request");
    }
    return tenant;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.get(TenantScope.class.getName()) != null) {
      ctx.next();
      return;
    }
    String slug = ctx.pathParam("slug");
    Caller caller = Caller.of(ctx);
    if (slug == null || !Patterns.NAME.matcher(slug).matches()
        || caller instanceof Caller.TenantAdmin admin && !admin.slug().equals(slug)) {
      ctx.fail(Problem.notFound());
      return;
    }
    store.read(conn -> TenantRows.bySlug(conn, slug, false)).onComplete(found -> {
      if (found.failed()) {
        ctx.fail(found.cause());
      } else if (found.result().isEmpty()) {
        ctx.fail(Problem.notFound());
      } else {
        ctx.put(TenantScope.class.getName(), found.result().get());
        ctx.next();
      }
    });
  }
}
