package dev.gatehouse.admin.resources;

import dev.gatehouse.admin.http.JsonFields;
import dev.gatehouse.admin.http.Patterns;
import dev.gatehouse.core.config.HeaderRules;
import dev.gatehouse.core.config.ResourceMeta;
import dev.gatehouse.core.config.Route;
import dev.gatehouse.core.config.RouteFrom;
import dev.gatehouse.core.config.RouteMatch;
import dev.gatehouse.core.config.RouteOptions;
import dev.gatehouse.core.config.Tenant;
import dev.gatehouse.core.store.HostnameRows;
import dev.gatehouse.core.store.IdpRows;
import dev.gatehouse.core.store.Page;
import dev.gatehouse.core.store.PageRequest;
import dev.gatehouse.core.store.RouteRows;
import dev.gatehouse.core.store.UpstreamRows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Routes: where requests come in, who may pass, and which upstream receives them. */
final class RouteKind implements NamedKind<Route> {
  private static final Pattern FROM = Pattern.compile("^(https?)://([^/:?#]+)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern HEADER_NAME = Pattern.compile("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$");
  private static final List<String> MATCHERS = List.of("path", "prefix", "regex");

  private final PolicyValidator policies;
  private final Supplier<Instant> now;

  RouteKind(PolicyValidator policies, Supplier<Instant> now) {
    this.policies = policies;
    this.now = now;
  }

  @Override
  public String type() {
    return "route";
  }

  @Override
  public String collection() {
    return "routes";
  }

  @Override
  public Future<Optional<Route>> get(SqlClient client, UUID tenantId, String name, boolean forUpdate) {
    return RouteRows.get(client, tenantId, name, forUpdate);
  }

  @Override
  public Future<Page<Route>> list(SqlClient client, UUID tenantId, PageRequest page) {
    return RouteRows.list(client, tenantId, page);
  }

  @Override
  public Future<Route> insert(SqlClient client, Route draft, Instant at) {
    return RouteRows.insert(client, draft, at);
  }

  @Override
  public Future<Route> update(SqlClient client, Route next) {
    return RouteRows.update(client, next);
  }

  @Override
  public Future<Void> delete(SqlClient client, Route existing) {
    return RouteRows.delete(client, existing.meta().id());
  }

  @Override
  public ResourceMeta meta(Route r) {
    return r.meta();
  }

  @Override
  public String name(Route r) {
    return r.name();
  }

  @Override
  public JsonObject toJson(Route r) {
    RouteOptions o = r.options();
    return new JsonObject()
        .put("name", r.name())
        .put("from", r.from().toString())
        .put(r.match().kind().name().toLowerCase(Locale.ROOT), r.match().value())
        .put("upstream", r.upstream())
        .put("idp", r.idp())
        .put("policy", r.policy())
        .put("pass_identity_headers", o.passIdentityHeaders())
        .put("allow_public_unauthenticated_access", o.allowPublicUnauthenticatedAccess())
        .put("allow_any_authenticated_user", o.allowAnyAuthenticatedUser())
        .put("cors_allow_preflight", o.corsAllowPreflight())
        .put("allow_websockets", o.allowWebsockets())
        .put("set_request_headers", new JsonObject(new java.util.LinkedHashMap<>(r.headers().set())))
        .put("remove_request_headers", new JsonArray(r.headers().remove()))
        .put("timeout", r.timeout())
        .put("version", r.meta().version())
        .put("created_at", r.meta().createdAt().toString())
        .put("updated_at", r.meta().updatedAt().toString());
  }

  @Override
  public void beforeMerge(JsonObject currentView, JsonObject patch) {
    if (MATCHERS.stream().anyMatch(patch::containsKey)) {
      MATCHERS.forEach(currentView::remove);
    }
  }

  @Override
  public Future<Draft<Route>> decode(SqlClient client, Tenant tenant, JsonObject body, Route current) {
    JsonFields f = new JsonFields(body);
    f.allowOnly(RouteFields.ALL);
    String name = f.matching("name", true, Patterns.NAME, Patterns.NAME_DESCRIPTION);
    RouteFrom from = from(f);
    RouteMatch match = match(f);
    String upstream = f.matching("upstream", true, Patterns.NAME, "the name of an upstream of this tenant");
    String idp = f.string("idp", false, 1, 63);
    RouteOptions options = new RouteOptions(
        f.bool("pass_identity_headers", false),
        f.bool("allow_public_unauthenticated_access", false),
        f.bool("allow_any_authenticated_user", false),
        f.bool("cors_allow_preflight", false),
        f.bool("allow_websockets", false));
    if (idp == null && f.body().getValue("idp") == null && !options.allowPublicUnauthenticatedAccess()) {
      f.error("idp", "is required unless allow_public_unauthenticated_access is true");
    }
    JsonArray policy = policy(f);
    HeaderRules headers = headers(f);
    String timeout = UpstreamKind.duration(f, "timeout", null);
    f.done();
    return checkReferences(client, tenant.id(), f, from, upstream, idp).map(v -> {
      ResourceMeta meta = current == null ? ResourceMeta.draft(tenant.id()) : current.meta().updated(now.get());
      return Draft.of(new Route(meta, name, from, match, upstream, idp, policy, options, headers, timeout));
    });
  }

  private static RouteFrom from(JsonFields f) {
    String from = f.string("from", true, 1, 300);
    if (from == null) {
      return null;
    }
    var m = FROM.matcher(from);
    String host = m.matches() ? m.group(2).toLowerCase(Locale.ROOT) : null;
    if (host == null || !Patterns.isHostname(host)) {
      f.error("from", "must be https://HOSTNAME or http://HOSTNAME (no port, no path)");
      return null;
    }
    return new RouteFrom(m.group(1).toLowerCase(Locale.ROOT), host);
  }

  private static RouteMatch match(JsonFields f) {
    List<String> present = MATCHERS.stream().filter(k -> f.body().getValue(k) != null).toList();
    if (present.size() > 1) {
      f.error(present.get(1), "at most one of path, prefix and regex may be given");
      return RouteMatch.ANY;
    }
    if (present.isEmpty()) {
      return RouteMatch.ANY;
    }
    String kind = present.get(0);
    String value = f.string(kind, true, 1, 2000);
    if (value == null) {
      return RouteMatch.ANY;
    }
    if (kind.equals("regex")) {
      try {
        Pattern.compile(value);
      } catch (PatternSyntaxException e) {
        f.error(kind, "is not a valid regular expression: " + e.getDescription());
      }
      return new RouteMatch(RouteMatch.Kind.REGEX, value);
    }
    if (!value.startsWith("/")) {
      f.error(kind, "must start with \"/\"");
    }
    return new RouteMatch(kind.equals("path") ? RouteMatch.Kind.PATH : RouteMatch.Kind.PREFIX, value);
  }

  private JsonArray policy(JsonFields f) {
    JsonArray policy = f.array("policy");
    if (policy == null) {
      return new JsonArray();
    }
    PolicyValidator.Result result = policies.validate(policy);
    result.errors().forEach(e -> f.errorAt(f.pointer("policy") + e.pointer(), e.detail()));
    return result.canonical() == null ? new JsonArray() : result.canonical();
  }

  private static HeaderRules headers(JsonFields f) {
    Map<String, String> set = f.stringMap("set_request_headers", Map.of(), 8000);
    for (var e : set.entrySet()) {
      String pointer = f.pointer("set_request_headers") + "/" + JsonFields.escape(e.getKey());
      if (!HEADER_NAME.matcher(e.getKey()).matches()) {
        f.errorAt(pointer, "is not a valid header name");
      } else if (e.getKey().toLowerCase(Locale.ROOT).startsWith("x-gatehouse-")) {
        f.errorAt(pointer, "X-Gatehouse-* headers are set by the gateway only");
      } else if (e.getValue().indexOf('\r') >= 0 || e.getValue().indexOf('\n') >= 0) {
        f.errorAt(pointer, "must not contain line breaks");
      }
    }
    List<String> remove = f.strings("remove_request_headers", List.of(), 200);
    for (int i = 0; i < remove.size(); i++) {
      if (!HEADER_NAME.matcher(remove.get(i)).matches()) {
        f.errorAt(f.pointer("remove_request_headers") + "/" + i, "is not a valid header name");
      }
    }
    return new HeaderRules(set, remove);
  }

  /** The hostname, upstream and idp must be this tenant's own (checked in the change's transaction). */
  private static Future<Void> checkReferences(SqlClient client, UUID tenantId, JsonFields f, RouteFrom from,
      String upstream, String idp) {
    Future<Boolean> hostExists = HostnameRows.get(client, tenantId, from.hostname()).map(Optional::isPresent);
    Future<Boolean> upstreamExists = UpstreamRows.get(client, tenantId, upstream, false).map(Optional::isPresent);
    Future<Boolean> idpExists = idp == null ? Future.succeededFuture(true)
        : IdpRows.get(client, tenantId, idp, false).map(Optional::isPresent);
    return Future.all(hostExists, upstreamExists, idpExists).map(all -> {
      if (!hostExists.result()) {
        f.error("from", "hostname " + from.hostname() + " is not one of this tenant's hostnames");
      }
      if (!upstreamExists.result()) {
        f.error("upstream", "no upstream named " + upstream + " in this tenant");
      }
      if (!idpExists.result()) {
        f.error("idp", "no idp named " + idp + " in this tenant");
      }
      f.done();
      return null;
    });
  }
}
