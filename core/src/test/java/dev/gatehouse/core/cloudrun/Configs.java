package dev.gatehouse.core.cloudrun;

import dev.gatehouse.core.config.ResourceMeta;
import dev.gatehouse.core.config.ServerlessAuth;
import dev.gatehouse.core.config.ServerlessHeader;
import dev.gatehouse.core.config.Tenant;
import dev.gatehouse.core.config.TenantConfig;
import dev.gatehouse.core.config.Upstream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Tenants and upstreams as the configuration store would load them. */
final class Configs {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private Configs() {
  }

  static Tenant tenant(String slug, boolean allowGatewayIdentity) {
    return new Tenant(UUID.randomUUID(), slug, slug, "ops@" + slug + ".example", null, allowGatewayIdentity, 1, 1,
        T0, T0);
  }

  static Upstream upstream(Tenant tenant, String name, String url, ServerlessAuth auth, int createdMinute) {
    Instant created = T0.plusSeconds(60L * createdMinute);
    return new Upstream(new ResourceMeta(UUID.randomUUID(), tenant.id(), 1, created, created), name, url, auth,
        "10s", "30s");
  }

  static ServerlessAuth signedAs(String serviceAccount) {
    return new ServerlessAuth(true, null, ServerlessHeader.X_SERVERLESS_AUTHORIZATION, serviceAccount);
  }

  static TenantConfig config(Tenant tenant, Upstream... upstreams) {
    return new TenantConfig(tenant, List.of(), List.of(), List.of(upstreams), List.of());
  }
}
