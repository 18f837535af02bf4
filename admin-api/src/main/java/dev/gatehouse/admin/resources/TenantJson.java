package dev.gatehouse.admin.resources;

import dev.gatehouse.core.config.Tenant;
import dev.gatehouse.core.store.HostnameRows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;

/** JSON representation of tenants. */
final class TenantJson {
  private TenantJson() {}

  /** The API view; authenticate_hostname is the effective one (explicit, else the first hostname). */
  static Future<JsonObject> view(SqlClient client, Tenant t) {
    if (t.authenticateHostname() != null) {
      return Future.succeededFuture(toJson(t, t.authenticateHostname()));
    }
    return HostnameRows.all(client, t.id())
        .map(hostnames -> toJson(t, hostnames.isEmpty() ? null : hostnames.get(0).hostname()));
  }

  /** As stored (explicit authenticate_hostname only): what the audit records. */
  static JsonObject audit(Tenant t) {
    return toJson(t, t.authenticateHostname());
  }

  private static JsonObject toJson(Tenant t, String authenticateHostname) {
    return new JsonObject()
        .put("slug", t.slug())
        .put("display_name", t.displayName())
        .put("contact", t.contact())
        .put("authenticate_hostname", authenticateHostname)
        .put("allow_gateway_identity", t.allowGatewayIdentity())
        .put("version", t.version())
        .put("created_at", t.createdAt().toString())
        .put("updated_at", t.updatedAt().toString());
  }
}
