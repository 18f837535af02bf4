package dev.gatehouse.core.store;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/** What a change did, as it is audited: before/after must already have secrets redacted. */
public record AuditEntry(String action, String resourceType, String resourceName, JsonObject before,
    JsonObject after) {
  public AuditEntry {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(resourceName, "resourceName");
  }

  public static AuditEntry create(String type, String name, JsonObject after) {
    return new AuditEntry("create", type, name, null, after);
  }

  public static AuditEntry update(String type, String name, JsonObject before, JsonObject after) {
    return new AuditEntry("update", type, name, before, after);
  }

  public static AuditEntry delete(String type, String name, JsonObject before) {
    return new AuditEntry("delete", type, name, before, null);
  }
}
