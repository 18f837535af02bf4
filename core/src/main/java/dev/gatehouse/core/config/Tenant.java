package dev.gatehouse.core.config;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant. {@code authenticateHostname} is the explicit choice (null = the tenant's first hostname,
 * resolved at read time); {@code configVersion} counts every configuration change of the tenant.
 */
public record Tenant(
    UUID id,
    String slug,
    String displayName,
    String contact,
    String authenticateHostname,
    boolean allowGatewayIdentity,
    long configVersion,
    int version,
    Instant createdAt,
    Instant updatedAt) {}
