package dev.gatehouse.admin.resources;

import dev.gatehouse.admin.auth.TenantScope;
import dev.gatehouse.admin.http.JsonFields;
import dev.gatehouse.admin.http.Problem;
import dev.gatehouse.admin.http.Responses;
import dev.gatehouse.core.config.Route;
import dev.gatehouse.core.config.RoutePolicy;
import dev.gatehouse.core.config.Tenant;
import dev.gatehouse.core.net.IpLiterals;
import dev.gatehouse.core.policy.Decision;
import dev.gatehouse.core.policy.PolicyException;
import dev.gatehouse.core.policy.PolicyInput;
import dev.gatehouse.core.policy.Principal;
import dev.gatehouse.core.policy.RequestFacts;
import dev.gatehouse.core.store.ConfigStore;
import dev.gatehouse.core.store.RouteRows;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * POST /tenants/{slug}/policy/explain: would this user be allowed on this route, and why. Judges the route's
 * effective policy (its rules plus the public / any-user / preflight switches) exactly as the gateway does, without
 * sending a request anywhere. Reads only; not audited.
 */
public final class ExplainHandler {
  private static final Pattern METHOD = Pattern.compile("[A-Z]{1,16}");

  private final ConfigStore store;

  public ExplainHandler(ConfigStore store) {
    this.store = store;
  }

  public void mount(Router api) {
    api.post("/tenants/:slug/policy/explain").handler(this::explain);
  }

  private void explain(RoutingContext ctx) {
    Tenant tenant = TenantScope.tenant(ctx);
    Question question = read(ctx.body().asJsonObject());
    store.read(conn -> RouteRows.get(conn, tenant.id(), question.route(), false))
        .onSuccess(found -> found.ifPresentOrElse(
            route -> Responses.json(ctx, 200, answer(route, question)),
            () -> ctx.fail(Problem.invalid("/route", "no route named " + question.route() + " in this tenant"))))
        .onFailure(ctx::fail);
  }

  private JsonObject answer(Route route, Question question) {
    List<Object> rules = RoutePolicy.effectiveRules(route);
    Decision decision;
    try {
      decision = RoutePolicy.effective(route).evaluate(new PolicyInput(question.user(), question.request()));
    } catch (PolicyException e) {
      // Stored policies were validated on write; one that no longer parses denies, as it does in the gateway.
      return new JsonObject().put("route", route.name()).put("allowed", false)
          .put("reasons", new JsonArray().add("invalid-policy")).put("deciding_rule", 0)
          .put("requires_login", false).put("policy", new JsonArray(rules));
    }
    return new JsonObject()
        .put("route", route.name())
        .put("allowed", decision.allowed())
        .put("reasons", new JsonArray(decision.reasons()))
        .put("deciding_rule", decision.decidingRule())
        .put("requires_login", decision.requiresLogin())
        .put("policy", new JsonArray(rules));
  }

  private record Question(String route, Principal user, RequestFacts request) {}

  private Question read(JsonObject body) {
    JsonFields fields = new JsonFields(body == null ? new JsonObject() : body);
    fields.allowOnly(Set.of("route", "user", "request"));
    String route = fields.string("route", true, 1, 63);
    Principal user = principal(fields.object("user"));
    RequestFacts request = request(fields.object("request"));
    fields.done();
    return new Question(route, user, request);
  }

  private static Principal principal(JsonFields user) {
    if (user == null) {
      return null;
    }
    user.allowOnly(Set.of("sub", "email", "groups", "claims"));
    String sub = user.string("sub", false, 1, 512);
    String email = user.string("email", false, 1, 320);
    List<String> groups = user.strings("groups", List.of(), 512);
    JsonFields claimFields = user.object("claims");
    Map<String, Object> claims = claimFields == null ? Map.of() : claimFields.body().getMap();
    if (sub == null && email == null) {
      user.error("sub", "a user needs a sub or an email (leave user out to ask about a signed-out visitor)");
    }
    return new Principal(sub == null ? email : sub, email, groups, claims);
  }

  private RequestFacts request(JsonFields request) {
    String method = "GET";
    String path = "/";
    InetAddress source = null;
    Instant time = store.now();
    boolean preflight = false;
    if (request != null) {
      request.allowOnly(Set.of("method", "path", "source_ip", "time", "cors_preflight"));
      String m = request.matching("method", false, METHOD, "an upper-case HTTP method such as GET");
      method = m == null ? method : m;
      String p = request.string("path", false, 1, 2048);
      if (p != null && !p.startsWith("/")) {
        request.error("path", "must start with /");
      }
      path = p == null ? path : p;
      source = ipLiteral(request);
      time = instant(request);
      preflight = request.bool("cors_preflight", false);
    }
    return new RequestFacts(method, path, source, time, preflight);
  }

  private static InetAddress ipLiteral(JsonFields request) {
    String text = request.string("source_ip", false, 2, 45);
    InetAddress address = text == null ? null : IpLiterals.parse(text);
    if (text != null && address == null) {
      request.error("source_ip", "must be an IPv4 or IPv6 address");
    }
    return address;
  }

  private Instant instant(JsonFields request) {
    String text = request.string("time", false, 1, 64);
    if (text == null) {
      return store.now();
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      request.error("time", "must be an RFC 3339 instant such as 2026-11-23T10:00:00Z");
      return null;
    }
  }
}
