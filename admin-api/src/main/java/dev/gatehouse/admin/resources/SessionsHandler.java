package dev.gatehouse.admin.resources;

import dev.gatehouse.admin.auth.Caller;
import dev.gatehouse.admin.auth.TenantScope;
import dev.gatehouse.admin.http.Paging;
import dev.gatehouse.admin.http.Problem;
import dev.gatehouse.admin.http.Responses;
import dev.gatehouse.core.config.Tenant;
import dev.gatehouse.core.session.SessionDirectory;
import dev.gatehouse.core.session.SignIn;
import dev.gatehouse.core.session.SignInHandle;
import dev.gatehouse.core.session.SignInPages;
import dev.gatehouse.core.store.AuditEntry;
import dev.gatehouse.core.store.ConfigStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * /tenants/{slug}/sessions: who is signed in (one item per sign-in, with the hostnames it reached) and ending
 * sign-ins, by handle or every one of a user. Ending is audited (actor, handle and whose sign-in, never a session
 * id). A process without a gateway holds no sessions and says so with a 503.
 */
public final class SessionsHandler {
  static final String HELD_BY_GATEWAYS = "sessions are held in the memory of the gateway nodes and this process"
      + " runs no gateway; list and end sign-ins through the admin API of a process that also runs the gateway"
      + " (--role all) until sessions are shared across the cluster";

  private final ConfigStore store;
  private final Optional<SessionDirectory> directory;

  public SessionsHandler(ConfigStore store, Optional<SessionDirectory> directory) {
    this.store = store;
    this.directory = directory;
  }

  public void mount(Router api) {
    api.get("/tenants/:slug/sessions").handler(this::list);
    api.delete("/tenants/:slug/sessions").handler(this::revokeUser);
    api.get("/tenants/:slug/sessions/:handle").handler(this::get);
    api.delete("/tenants/:slug/sessions/:handle").handler(this::revoke);
  }

  static JsonObject toJson(SignIn s) {
    return new JsonObject()
        .put("handle", s.handle())
        .put("idp", s.idp())
        .put("sub", s.sub())
        .put("email", s.email())
        .put("name", s.name())
        .put("groups", new JsonArray(s.groups()))
        .put("created_at", s.createdAt().toString())
        .put("last_seen_at", s.lastSeenAt().toString())
        .put("expires_at", s.expiresAt().toString())
        .put("hostnames", new JsonArray(s.hostnames()))
        .put("sessions", s.sessions());
  }

  /** What the audit keeps of an ended sign-in: who and where, no groups or claims. */
  static JsonObject auditView(SignIn s) {
    return new JsonObject()
        .put("handle", s.handle())
        .put("idp", s.idp())
        .put("sub", s.sub())
        .put("email", s.email())
        .put("created_at", s.createdAt().toString())
        .put("hostnames", new JsonArray(s.hostnames()))
        .put("sessions", s.sessions());
  }

  private void list(RoutingContext ctx) {
    Tenant tenant = TenantScope.tenant(ctx);
    SessionDirectory sessions = directory();
    var page = Paging.request(ctx, SignInPages::validCursor);
    Optional<String> user = Optional.ofNullable(ctx.request().getParam("user"));
    sessions.list(tenant.id(), user, page)
        .onSuccess(p -> Responses.json(ctx, 200, Paging.envelope(p, SessionsHandler::toJson)))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    Tenant tenant = TenantScope.tenant(ctx);
    SessionDirectory sessions = directory();
    sessions.find(tenant.id(), handle(ctx))
        .compose(found -> found.isEmpty()
            ? Future.<SignIn>failedFuture(Problem.notFound())
            : Future.succeededFuture(found.get()))
        .onSuccess(signIn -> Responses.json(ctx, 200, toJson(signIn)))
        .onFailure(ctx::fail);
  }

  private void revoke(RoutingContext ctx) {
    Tenant tenant = TenantScope.tenant(ctx);
    SessionDirectory sessions = directory();
    String handle = handle(ctx);
    sessions.revoke(tenant.id(), handle)
        .compose(ended -> ended.isEmpty()
            ? Future.<Void>failedFuture(Problem.notFound())
            : audit(ctx, tenant, List.of(ended.get())))
        .onSuccess(v -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }

  /** DELETE with {@code ?user=}: the sign-ins the same query lists. Without it nothing is ended (400). */
  private void revokeUser(RoutingContext ctx) {
    Tenant tenant = TenantScope.tenant(ctx);
    SessionDirectory sessions = directory();
    String user = ctx.request().getParam("user");
    if (user == null || user.isEmpty()) {
      throw Problem.invalid("#/query/user", "is required");
    }
    sessions.revokeUser(tenant.id(), user)
        .compose(ended -> audit(ctx, tenant, ended))
        .onSuccess(v -> Responses.noContent(ctx))
        .onFailure(ctx::fail);
  }

  private Future<Void> audit(RoutingContext ctx, Tenant tenant, List<SignIn> ended) {
    return store.audit(tenant.id(), Caller.of(ctx).actor(), ended.stream()
        .map(s -> new AuditEntry("revoke", "session", s.handle(), auditView(s), null))
        .toList());
  }

  /** The path's handle; one that no sign-in could have is simply not found. */
  private static String handle(RoutingContext ctx) {
    String handle = ctx.pathParam("handle");
    if (!SignInHandle.isWellFormed(handle)) {
      throw Problem.notFound();
    }
    return handle;
  }

  private SessionDirectory directory() {
    return directory.orElseThrow(() -> Problem.unavailable(HELD_BY_GATEWAYS));
  }
}
