package dev.gatehouse.core.config;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Identity and bookkeeping shared by every named per-tenant resource. */
public record ResourceMeta(UUID id, UUID tenantId, int version, Instant createdAt, Instant updatedAt) {
  public ResourceMeta {
    Objects.requireNonNull(tenantId, "tenantId");
  }

  /** Meta of a resource not stored yet: the store assigns id, version and timestamps. */
  public static ResourceMeta draft(UUID tenantId) {
    return new ResourceMeta(null, tenantId, 0, null, null);
  }

  public ResourceMeta updated(Instant at) {
    return new ResourceMeta(id, tenantId, version + 1, createdAt, at);
  }
}
