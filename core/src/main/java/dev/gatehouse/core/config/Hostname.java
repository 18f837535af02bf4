package dev.gatehouse.core.config;

import java.time.Instant;
import java.util.UUID;

/** A hostname owned by a tenant; globally unique. */
public record Hostname(UUID tenantId, String hostname, int version, Instant createdAt) {}
