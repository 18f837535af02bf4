package dev.gatehouse.core.config;

import java.util.List;

/** Everything configured for one tenant, as loaded in one read (the data plane's snapshot source). */
public record TenantConfig(
    Tenant tenant, List<Hostname> hostnames, List<Idp> idps, List<Upstream> upstreams, List<Route> routes) {
  public TenantConfig {
    hostnames = List.copyOf(hostnames);
    idps = List.copyOf(idps);
    upstreams = List.copyOf(upstreams);
    routes = List.copyOf(routes);
  }

  /** The explicit authenticate hostname, else the tenant's first hostname, else null. */
  public String effectiveAuthenticateHostname() {
    if (tenant.authenticateHostname() != null) {
      return tenant.authenticateHostname();
    }
    return hostnames.isEmpty() ? null : hostnames.get(0).hostname();
  }
}
