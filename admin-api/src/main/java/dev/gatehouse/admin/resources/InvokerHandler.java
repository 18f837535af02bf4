package dev.gatehouse.admin.resources;

import dev.gatehouse.admin.auth.TenantScope;
import dev.gatehouse.admin.http.Patterns;
import dev.gatehouse.admin.http.Problem;
import dev.gatehouse.admin.http.Responses;
import dev.gatehouse.core.cloudrun.InvokerGrant;
import dev.gatehouse.core.cloudrun.InvokerGrants;
import dev.gatehouse.core.cloudrun.SigningClaims;
import dev.gatehouse.core.cloudrun.SigningDecision;
import dev.gatehouse.core.cloudrun.SigningIdentity;
import dev.gatehouse.core.cloudrun.UpstreamSigning;
import dev.gatehouse.core.config.Tenant;
import dev.gatehouse.core.config.Upstream;
import dev.gatehouse.core.store.ConfigStore;
import dev.gatehouse.core.store.UpstreamRows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * GET /tenants/{slug}/upstreams/{name}/invoker: who signs Google ID tokens for an upstream and the gcloud commands
 * that let that identity invoke the Cloud Run service. Decided by core's {@link UpstreamSigning} over every tenant's
 * signed upstreams, as the gateway decides, so a tenant sees here the refusal the gateway would apply (another
 * tenant's service account or service) without learning which tenant holds it. Reads only; not audited.
 */
public final class InvokerHandler {
  private final ConfigStore store;
  private final Optional<String> gatewayServiceAccount;

  /** {@code gatewayServiceAccount}: the email of the gateway's own service account, when the operator named it. */
  public InvokerHandler(ConfigStore store, Optional<String> gatewayServiceAccount) {
    this.store = store;
    this.gatewayServiceAccount = gatewayServiceAccount;
  }

  public void mount(Router api) {
    api.get("/tenants/:slug/upstreams/:name/invoker").handler(this::invoker);
  }

  private void invoker(RoutingContext ctx) {
    Tenant tenant = TenantScope.tenant(ctx);
    String name = ctx.pathParam("name");
    if (name == null || !Patterns.NAME.matcher(name).matches()) {
      ctx.fail(Problem.notFound());
      return;
    }
    store.read(conn -> UpstreamRows.get(conn, tenant.id(), name, false)
            .compose(found -> found.isEmpty()
                ? Future.<JsonObject>failedFuture(Problem.notFound())
                : UpstreamRows.signedEverywhere(conn).map(signed -> {
                  SigningDecision decision = new UpstreamSigning(SigningClaims.ofUpstreams(signed))
                      .decide(tenant, found.get());
                  return answer(found.get(), decision);
                })))
        .onSuccess(answer -> Responses.json(ctx, 200, answer))
        .onFailure(ctx::fail);
  }

  private JsonObject answer(Upstream upstream, SigningDecision decision) {
    InvokerGrant grant = InvokerGrants.describe(upstream, decision, gatewayServiceAccount);
    JsonObject answer = new JsonObject().put("upstream", upstream.name());
    if (decision instanceof SigningDecision.Sign sign) {
      return answer.put("state", "signed").put("signed", true)
          .put("identity", identity(sign.identity(), grant))
          .putNull("reason")
          .put("audience", sign.audience())
          .put("header", sign.header().wireName())
          .put("commands", new JsonArray(grant.commands()))
          .put("notes", new JsonArray(grant.notes()));
    }
    String reason = decision instanceof SigningDecision.Refused refused
        ? refused.reason()
        : "Google serverless authentication is off for this upstream";
    return answer.put("state", decision instanceof SigningDecision.Refused ? "refused" : "unsigned")
        .put("signed", false)
        .putNull("identity")
        .put("reason", reason)
        .putNull("audience")
        .putNull("header")
        .put("commands", new JsonArray())
        .put("notes", new JsonArray());
  }

  private JsonObject identity(SigningIdentity identity, InvokerGrant grant) {
    if (identity instanceof SigningIdentity.ServiceAccount account) {
      return new JsonObject().put("kind", "service_account").put("email", account.email())
          .put("member", grant.member())
          .put("description", "service account " + account.email() + ", impersonated by the gateway");
    }
    return new JsonObject().put("kind", "gateway").put("email", gatewayServiceAccount.orElse(null))
        .put("member", grant.member())
        .put("description", "the gateway's service account" + gatewayServiceAccount.map(e -> " " + e).orElse(""));
  }
}
