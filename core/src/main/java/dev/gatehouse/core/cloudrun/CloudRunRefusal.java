package dev.gatehouse.core.cloudrun;

import dev.gatehouse.core.config.Upstream;
import java.util.Optional;

/**
 * Why Cloud Run's front end most likely turned away a request the gateway signed, for the page the user sees and
 * the log: {@code explanation} (sentences naming the upstream, the audience or the identity) and {@code fix} (a
 * {@code gcloud} command, or null when the fix is a setting of the upstream). Pure.
 *
 * <p>401: Cloud Run did not accept the ID token at all (missing, or not valid for this service), and with a token
 * the gateway minted itself the usual cause is its audience: Cloud Run accepts only its own {@code *.run.app} URL
 * and the custom audiences configured on the service. 403: the token was accepted, but its identity lacks
 * {@code roles/run.invoker} on the service.
 */
public record CloudRunRefusal(int status, String explanation, String fix) {

  /**
   * The explanation for a 401 or 403 answer to a request to {@code upstream}, given that the gateway signed it; empty
   * for other statuses and for upstreams the gateway does not sign. {@code gatewayAccount}: the email of the
   * gateway's own service account when known.
   */
  public static Optional<CloudRunRefusal> of(Upstream upstream, int status, Optional<String> gatewayAccount) {
    if (status != 401 && status != 403) {
      return Optional.empty();
    }
    return UpstreamSigning.signatureOf(upstream).map(sign -> status == 401
        ? unauthorized(upstream, sign)
        : forbidden(upstream, sign, gatewayAccount));
  }

  private static CloudRunRefusal unauthorized(Upstream upstream, SigningDecision.Sign sign) {
    String explanation = "Cloud Run did not accept the Google ID token the gateway sent to upstream '"
        + upstream.name() + "' in " + sign.headerName() + " (401): the token was missing or not valid for this"
        + " service. It was minted for the audience " + sign.audience() + ", and Cloud Run accepts only the"
        + " service's own URL or a custom audience configured on the service — check the upstream's audience"
        + " setting (google_cloud_serverless_authentication.audience).";
    return new CloudRunRefusal(401, explanation, null);
  }

  private static CloudRunRefusal forbidden(Upstream upstream, SigningDecision.Sign sign,
      Optional<String> gatewayAccount) {
    String identity = sign.identity() instanceof SigningIdentity.ServiceAccount account
        ? "the service account " + account.email()
        : "the gateway's own service account" + gatewayAccount.map(email -> " " + email).orElse("");
    InvokerGrant grant = InvokerGrants.describe(upstream, sign, gatewayAccount);
    String explanation = "Cloud Run refused the request the gateway signed for upstream '" + upstream.name()
        + "' (403): the ID token (audience " + sign.audience() + ") was accepted, but " + identity
        + ", which the gateway signs as for this upstream, most likely lacks roles/run.invoker on the service.";
    return new CloudRunRefusal(403, explanation, grant.commands().get(0));
  }
}
