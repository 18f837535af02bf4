package dev.gatehouse.core.cloudrun;

import dev.gatehouse.core.config.ServerlessAuth;
import dev.gatehouse.core.config.Tenant;
import dev.gatehouse.core.config.Upstream;
import java.util.Optional;

/**
 * Decides, for a tenant's upstream, whether and as whom the gateway signs a Google ID token (pure; no I/O).
 *
 * <p>Confused deputy closed: an upstream is signed only with the service account its tenant configured
 * ({@code google_cloud_serverless_authentication.service_account}), provided no other tenant owns that account or
 * that audience ({@link SigningClaims}); with the gateway's own identity only when the operator set
 * {@code allow_gateway_identity} on the tenant. Everything else is refused with a reason an operator can act on.
 * Audience: the custom audience, else {@code https://} + the upstream URL's host. Header: as configured
 * ({@code X-Serverless-Authorization} by default).
 */
public final class UpstreamSigning {

  private final SigningClaims claims;

  public UpstreamSigning(SigningClaims claims) {
    this.claims = claims;
  }

  public SigningDecision decide(Tenant tenant, Upstream upstream) {
    ServerlessAuth auth = upstream.serverlessAuth();
    if (!auth.enabled()) {
      return new SigningDecision.Unsigned();
    }
    String name = "upstream '" + upstream.name() + "'";
    if (!tenant.id().equals(upstream.meta().tenantId())) {
      return new SigningDecision.Refused(name + " does not belong to tenant '" + tenant.slug() + "'");
    }
    Optional<String> audience = SigningClaims.audienceOf(upstream);
    if (audience.isEmpty()) {
      return new SigningDecision.Refused(name + " has no host in its URL to derive the ID token audience from;"
          + " set google_cloud_serverless_authentication.audience");
    }
    if (!claims.audienceFree(audience.get(), tenant.id())) {
      return new SigningDecision.Refused(name + ": the audience " + audience.get()
          + " belongs to another tenant's upstream; the gateway signs for a Cloud Run service on behalf of"
          + " one tenant only");
    }
    Optional<SigningIdentity> identity = identity(tenant, auth);
    if (identity.isEmpty()) {
      return new SigningDecision.Refused(name + " has Google serverless authentication enabled but no"
          + " service_account, and the operator has not allowed the gateway's own identity for tenant '"
          + tenant.slug() + "' (allow_gateway_identity); set google_cloud_serverless_authentication"
          + ".service_account to a service account of the tenant that holds roles/run.invoker on the"
          + " service, and grant the gateway roles/iam.serviceAccountTokenCreator on it");
    }
    if (identity.get() instanceof SigningIdentity.ServiceAccount account
        && !claims.serviceAccountFree(account.email(), tenant.id())) {
      return new SigningDecision.Refused(name + ": the service account " + account.email()
          + " is already used by another tenant; a service account signs for one tenant only");
    }
    return new SigningDecision.Sign(identity.get(), audience.get(), auth.header());
  }

  /**
   * The signature a request to {@code upstream} carried, given that the gateway let it go out: a signed upstream's
   * requests leave only after {@link #decide} said {@code Sign}, which then named exactly this identity (the
   * configured service account, else the gateway's own), audience and header. Empty for an upstream without Google
   * serverless authentication or without an audience. For explaining what Cloud Run answered, never for signing.
   */
  public static Optional<SigningDecision.Sign> signatureOf(Upstream upstream) {
    ServerlessAuth auth = upstream.serverlessAuth();
    if (!auth.enabled()) {
      return Optional.empty();
    }
    SigningIdentity identity = configuredAccount(auth).orElse(SigningIdentity.gateway());
    return SigningClaims.audienceOf(upstream)
        .map(audience -> new SigningDecision.Sign(identity, audience, auth.header()));
  }

  private static Optional<SigningIdentity> identity(Tenant tenant, ServerlessAuth auth) {
    Optional<SigningIdentity> configured = configuredAccount(auth);
    if (configured.isPresent()) {
      return configured;
    }
    return tenant.allowGatewayIdentity() ? Optional.of(SigningIdentity.gateway()) : Optional.empty();
  }

  private static Optional<SigningIdentity> configuredAccount(ServerlessAuth auth) {
    String serviceAccount = auth.serviceAccount();
    if (serviceAccount != null && !serviceAccount.isBlank()) {
      return Optional.of(SigningIdentity.serviceAccount(serviceAccount.trim()));
    }
    return Optional.empty();
  }
}
