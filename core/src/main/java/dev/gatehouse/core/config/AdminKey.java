package dev.gatehouse.core.config;

import java.time.Instant;
import java.util.UUID;

/** A tenant admin key as stored: the key itself is never kept, only its hash (not exposed here) and prefix. */
public record AdminKey(UUID id, UUID tenantId, String name, String prefix, Instant createdAt, Instant revokedAt) {
  public boolean revoked() {
    return revokedAt != null;
  }
}
