package dev.gatehouse.core.store;

import java.util.Objects;
import java.util.UUID;

/** The outcome of a change's work: the tenant it changed, what to return, and what to audit. */
public record Changed<T>(UUID tenantId, T result, AuditEntry audit) {
  public Changed {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(audit, "audit");
  }
}
