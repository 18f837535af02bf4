package dev.gatehouse.core.store;

import io.vertx.core.json.JsonObject;

/** A committed configuration change of a tenant: its slug and new config version (the NOTIFY payload). */
public record ConfigChange(String tenant, long version) {
  public String toPayload() {
    return new JsonObject().put("tenant", tenant).put("version", version).encode();
  }

  public static ConfigChange fromPayload(String payload) {
    JsonObject json = new JsonObject(payload);
    return new ConfigChange(json.getString("tenant"), json.getLong("version"));
  }
}
