package dev.gatehouse.admin.resources;

import dev.gatehouse.admin.http.JsonFields;
import dev.gatehouse.admin.http.Patterns;
import dev.gatehouse.core.config.Durations;
import dev.gatehouse.core.config.ResourceMeta;
import dev.gatehouse.core.config.ServerlessAuth;
import dev.gatehouse.core.config.ServerlessHeader;
import dev.gatehouse.core.config.Tenant;
import dev.gatehouse.core.config.Upstream;
import dev.gatehouse.core.store.Page;
import dev.gatehouse.core.store.PageRequest;
import dev.gatehouse.core.store.RouteRows;
import dev.gatehouse.core.store.UpstreamRows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Upstream services, with Google Cloud serverless authentication settings. */
final class UpstreamKind implements NamedKind<Upstream> {
  private static final Set<String> FIELDS =
      Set.of("name", "url", "google_cloud_serverless_authentication", "connect_timeout", "timeout");
  private static final Set<String> AUTH_FIELDS = Set.of("enabled", "audience", "header", "service_account");
  private static final String AUTH = "google_cloud_serverless_authentication";
  private static final Pattern SERVICE_ACCOUNT =
      Pattern.compile("^[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z0-9.-]+\\.iam\\.gserviceaccount\\.com$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final Supplier<Instant> now;

  UpstreamKind(Supplier<Instant> now) {
    this.now = now;
  }

  @Override
  public String type() {
    return "upstream";
  }

  @Override
  public String collection() {
    return "upstreams";
  }

  @Override
  public Future<Optional<Upstream>> get(SqlClient client, UUID tenantId, String name, boolean forUpdate) {
    return UpstreamRows.get(client, tenantId, name, forUpdate);
  }

  @Override
  public Future<Page<Upstream>> list(SqlClient client, UUID tenantId, PageRequest page) {
    return UpstreamRows.list(client, tenantId, page);
  }

  @Override
  public Future<Upstream> insert(SqlClient client, Upstream draft, Instant at) {
    return UpstreamRows.insert(client, draft, at);
  }

  @Override
  public Future<Upstream> update(SqlClient client, Upstream next) {
    return UpstreamRows.update(client, next);
  }

  @Override
  public Future<Void> delete(SqlClient client, Upstream existing) {
    return UpstreamRows.delete(client, existing.meta().id());
  }

  @Override
  public ResourceMeta meta(Upstream u) {
    return u.meta();
  }

  @Override
  public String name(Upstream u) {
    return u.name();
  }

  @Override
  public JsonObject toJson(Upstream u) {
    ServerlessAuth a = u.serverlessAuth();
    return new JsonObject()
        .put("name", u.name())
        .put("url", u.url())
        .put(AUTH, new JsonObject()
            .put("enabled", a.enabled())
            .put("audience", a.audience())
            .put("header", a.header().wireName())
            .put("service_account", a.serviceAccount()))
        .put("connect_timeout", u.connectTimeout())
        .put("timeout", u.timeout())
        .put("version", u.meta().version())
        .put("created_at", u.meta().createdAt().toString())
        .put("updated_at", u.meta().updatedAt().toString());
  }

  @Override
  public Future<Draft<Upstream>> decode(SqlClient client, Tenant tenant, JsonObject body, Upstream current) {
    JsonFields f = new JsonFields(body);
    f.allowOnly(FIELDS);
    String name = f.matching("name", true, Patterns.NAME, Patterns.NAME_DESCRIPTION);
    String url = f.string("url", true, 1, 2000);
    if (url != null && !Urls.isUpstream(url)) {
      f.error("url", "must be an absolute http or https URL with a host and no userinfo, query or fragment");
    }
    ServerlessAuth auth = serverlessAuth(f);
    String connectTimeout = duration(f, "connect_timeout", Upstream.DEFAULT_CONNECT_TIMEOUT);
    String timeout = duration(f, "timeout", Upstream.DEFAULT_TIMEOUT);
    f.done();
    ResourceMeta meta = current == null ? ResourceMeta.draft(tenant.id()) : current.meta().updated(now.get());
    return Future.succeededFuture(Draft.of(new Upstream(meta, name, url, auth, connectTimeout, timeout)));
  }

  @Override
  public Future<Void> checkUnused(SqlClient client, Tenant tenant, Upstream u) {
    return RouteRows.referencing(client, tenant.id(), RouteRows.Reference.UPSTREAM, u.name())
        .compose(routes -> References.refuseIfUsed("upstream", u.name(), routes));
  }

  static String duration(JsonFields f, String field, String defaultValue) {
    String value = f.string(field, false, 1, 20);
    if (value == null) {
      return f.has(field) && f.body().getValue(field) != null ? null : defaultValue;
    }
    if (!Durations.isValid(value)) {
      f.error(field, "must be a duration such as \"250ms\", \"10s\" or \"2m\"");
      return null;
    }
    return value;
  }

  private static ServerlessAuth serverlessAuth(JsonFields f) {
    JsonFields a = f.object(AUTH);
    if (a == null) {
      return ServerlessAuth.DISABLED;
    }
    a.allowOnly(AUTH_FIELDS);
    boolean enabled = a.bool("enabled", false);
    String audience = a.string("audience", false, 1, 2000);
    ServerlessHeader header = ServerlessHeader.X_SERVERLESS_AUTHORIZATION;
    String headerName = a.string("header", false, 1, 100);
    if (headerName != null) {
      header = ServerlessHeader.fromWire(headerName).orElse(null);
      if (header == null) {
        a.error("header", "must be \"x-serverless-authorization\" or \"authorization\"");
        header = ServerlessHeader.X_SERVERLESS_AUTHORIZATION;
      }
    }
    String serviceAccount = a.string("service_account", false, 3, 320);
    if (serviceAccount != null && !SERVICE_ACCOUNT.matcher(serviceAccount).matches()
        && !EMAIL.matcher(serviceAccount).matches()) {
      a.error("service_account", "must be the email of a Google service account");
    }
    return new ServerlessAuth(enabled, audience, header, serviceAccount);
  }
}
