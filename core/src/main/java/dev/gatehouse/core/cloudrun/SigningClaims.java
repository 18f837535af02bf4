package dev.gatehouse.core.cloudrun;

import dev.gatehouse.core.config.TenantConfig;
import dev.gatehouse.core.config.Upstream;
import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Which tenant each service account and each audience belongs to, across all tenants. A tenant could otherwise name
 * another tenant's service account (which trusts the gateway to impersonate it) or another tenant's Cloud Run
 * service (which trusts the gateway's own identity) and have the gateway sign for it. The first tenant to configure
 * a service account or an audience (the earliest-created upstream naming it) owns it; later claims by other tenants
 * are refused. Built from the configuration snapshot of every tenant; immutable.
 */
public final class SigningClaims {

  private static final Comparator<Upstream> FIRST_CREATED = Comparator
      .comparing((Upstream u) -> u.meta().createdAt() == null ? Instant.MAX : u.meta().createdAt())
      .thenComparing(u -> String.valueOf(u.meta().id()));

  private final Map<String, UUID> serviceAccountOwners;
  private final Map<String, UUID> audienceOwners;

  private SigningClaims(Map<String, UUID> serviceAccountOwners, Map<String, UUID> audienceOwners) {
    this.serviceAccountOwners = Map.copyOf(serviceAccountOwners);
    this.audienceOwners = Map.copyOf(audienceOwners);
  }

  public static SigningClaims of(Collection<TenantConfig> tenants) {
    return ofUpstreams(tenants.stream().flatMap(t -> t.upstreams().stream()).toList());
  }

  /** From the upstreams of every tenant (those without Google serverless authentication are ignored). */
  public static SigningClaims ofUpstreams(Collection<Upstream> upstreams) {
    Map<String, Upstream> firstBySa = new HashMap<>();
    Map<String, Upstream> firstByAudience = new HashMap<>();
    upstreams.stream()
        .filter(u -> u.serverlessAuth().enabled())
        .forEach(upstream -> {
          String sa = upstream.serverlessAuth().serviceAccount();
          if (sa != null && !sa.isBlank()) {
            firstBySa.merge(normalizeEmail(sa), upstream, SigningClaims::earlier);
          }
          audienceOf(upstream).ifPresent(audience ->
              firstByAudience.merge(normalizeAudience(audience), upstream, SigningClaims::earlier));
        });
    Map<String, UUID> saOwners = new HashMap<>();
    firstBySa.forEach((sa, upstream) -> saOwners.put(sa, upstream.meta().tenantId()));
    Map<String, UUID> audienceOwners = new HashMap<>();
    firstByAudience.forEach((aud, upstream) -> audienceOwners.put(aud, upstream.meta().tenantId()));
    return new SigningClaims(saOwners, audienceOwners);
  }

  /** True when no other tenant owns the service account. */
  boolean serviceAccountFree(String email, UUID tenantId) {
    UUID owner = serviceAccountOwners.get(normalizeEmail(email));
    return owner == null || owner.equals(tenantId);
  }

  /** True when no other tenant owns the audience. */
  boolean audienceFree(String audience, UUID tenantId) {
    UUID owner = audienceOwners.get(normalizeAudience(audience));
    return owner == null || owner.equals(tenantId);
  }

  /** The custom audience, else {@code https://} + the URL's host; empty when neither exists. */
  static Optional<String> audienceOf(Upstream upstream) {
    String custom = upstream.serverlessAuth().audience();
    if (custom != null && !custom.isBlank()) {
      return Optional.of(custom.trim());
    }
    return host(upstream.url()).map(host -> "https://" + host);
  }

  static Optional<String> host(String url) {
    if (url == null) {
      return Optional.empty();
    }
    try {
      String host = URI.create(url.trim()).getHost();
      return host == null || host.isEmpty() ? Optional.empty() : Optional.of(host.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Upstream earlier(Upstream a, Upstream b) {
    return FIRST_CREATED.compare(a, b) <= 0 ? a : b;
  }

  private static String normalizeEmail(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  /** Cloud Run accepts its URL with or without the trailing slash; scheme and host are case-insensitive. */
  private static String normalizeAudience(String audience) {
    String trimmed = audience.trim().replaceAll("/+$", "");
    return trimmed.startsWith("https://") || trimmed.startsWith("http://")
        ? trimmed.toLowerCase(Locale.ROOT)
        : trimmed;
  }
}
