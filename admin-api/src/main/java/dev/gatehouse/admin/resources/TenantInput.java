package dev.gatehouse.admin.resources;

import dev.gatehouse.admin.auth.Caller;
import dev.gatehouse.admin.http.JsonFields;
import dev.gatehouse.admin.http.Patterns;
import dev.gatehouse.admin.http.Problem;
import dev.gatehouse.core.config.Hostname;
import dev.gatehouse.core.config.Tenant;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Validates tenant create and patch bodies. */
final class TenantInput {
  private static final Set<String> FIELDS =
      Set.of("slug", "display_name", "contact", "authenticate_hostname", "allow_gateway_identity");

  private TenantInput() {}

  static Tenant create(JsonObject body, Instant now) {
    JsonFields f = new JsonFields(body);
    f.allowOnly(FIELDS);
    String slug = f.matching("slug", true, Patterns.NAME, Patterns.NAME_DESCRIPTION);
    String displayName = f.string("display_name", true, 1, 200);
    String contact = f.string("contact", false, 0, 500);
    if (f.string("authenticate_hostname", false, 1, 253) != null) {
      f.error("authenticate_hostname", "must be one of the tenant's hostnames (a new tenant has none yet)");
    }
    boolean allowGatewayIdentity = f.bool("allow_gateway_identity", false);
    f.done();
    return new Tenant(UUID.randomUUID(), slug, displayName, contact, null, allowGatewayIdentity, 0, 1, now, now);
  }

  static Tenant patch(Tenant current, JsonObject body, List<Hostname> hostnames, Caller caller, Instant now) {
    JsonFields f = new JsonFields(body);
    f.allowOnly(FIELDS);
    if (f.has("slug") && !current.slug().equals(body.getValue("slug"))) {
      f.error("slug", "is immutable");
    }
    String displayName = f.has("display_name") ? f.string("display_name", true, 1, 200) : current.displayName();
    String contact = f.has("contact") ? f.string("contact", false, 0, 500) : current.contact();
    String authenticateHostname = current.authenticateHostname();
    if (f.has("authenticate_hostname")) {
      authenticateHostname = f.string("authenticate_hostname", false, 1, 253);
      String wanted = authenticateHostname;
      if (wanted != null && hostnames.stream().noneMatch(h -> h.hostname().equals(wanted))) {
        f.error("authenticate_hostname", "must be one of the tenant's hostnames");
      }
    }
    boolean allowGatewayIdentity = f.has("allow_gateway_identity")
        ? f.bool("allow_gateway_identity", false) : current.allowGatewayIdentity();
    f.done();
    if (allowGatewayIdentity != current.allowGatewayIdentity() && !caller.isOperator()) {
      throw Problem.forbidden("only the operator may change allow_gateway_identity");
    }
    return new Tenant(current.id(), current.slug(), Objects.requireNonNull(displayName), contact,
        authenticateHostname, allowGatewayIdentity, current.configVersion(), current.version() + 1,
        current.createdAt(), now);
  }
}
