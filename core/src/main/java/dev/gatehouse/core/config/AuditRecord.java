package dev.gatehouse.core.config;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/** One recorded change; before/after are the resource's API representation with secrets redacted. */
public record AuditRecord(
    long id,
    UUID tenantId,
    Instant at,
    String actor,
    String action,
    String resourceType,
    String resourceName,
    JsonObject before,
    JsonObject after) {}
