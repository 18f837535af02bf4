package dev.gatehouse.core.cloudrun;

import dev.gatehouse.core.config.Upstream;
import java.util.Optional;

/**
 * Why Cloud Run's front end most likely turned away a request to an upstream, for the page the user sees and the
 * log: {@code explanation} (sentences naming the upstream, the audience or the identity) and {@code fix} (a
 * {@code gcloud} command, or null when the fix is a setting of the upstream). Pure.
 *
 * <p>What the front end answers (the fake in the testkit's {@code CloudRunFrontEnd} cites the reports): 401 to a
 * token it cannot accept (wrong audience, expired, not a Google ID token), 403 to a request without any token and to
 * a valid token whose identity lacks {@code roles/run.invoker}. So for an upstream the gateway signs, a 401 points
 * at the token's audience and a 403 at the invoker grant; for a {@code *.run.app} upstream it does not sign, either
 * means the service wants a token the gateway does not send.
 */
public record CloudRunRefusal(int status, String explanation, String fix) {

  /**
   * Whether a 401 or 403 from {@code upstream} may be the front end's: the gateway signs for it, or its URL is a
   * {@code *.run.app} service it does not sign for.
   */
  public static boolean explains(Upstream upstream) {
    return UpstreamSigning.signatureOf(upstream).isPresent() || onRunApp(upstream);
  }

  /**
   * The explanation for a 401 or 403 answer to a request to {@code upstream}; empty for other statuses and for
   * upstreams it does not {@linkplain #explains explain}. {@code gatewayAccount}: the email of the gateway's own
   * service account when known.
   */
  public static Optional<CloudRunRefusal> of(Upstream upstream, int status, Optional<String> gatewayAccount) {
    if (status != 401 && status != 403) {
      return Optional.empty();
    }
    Optional<SigningDecision.Sign> signature = UpstreamSigning.signatureOf(upstream);
    if (signature.isEmpty()) {
      return onRunApp(upstream) ? Optional.of(unsigned(upstream, status)) : Optional.empty();
    }
    SigningDecision.Sign sign = signature.get();
    return Optional.of(status == 401 ? unauthorized(upstream, sign) : forbidden(upstream, sign, gatewayAccount));
  }

  private static CloudRunRefusal unauthorized(Upstream upstream, SigningDecision.Sign sign) {
    String explanation = "Cloud Run did not accept the Google ID token the gateway sent to upstream '"
        + upstream.name() + "' in " + sign.headerName() + " (401): the token is not valid for this service."
        + " It was minted for the audience " + sign.audience() + ", and Cloud Run accepts only the"
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
        + ", which the gateway signs as for this upstream, most likely lacks roles/run.invoker on the service."
        + " (Cloud Run also answers 403 when no token arrives, as when something between the gateway and the"
        + " service drops the " + sign.headerName() + " header.)";
    return new CloudRunRefusal(403, explanation, grant.commands().get(0));
  }

  private static CloudRunRefusal unsigned(Upstream upstream, int status) {
    String cause = status == 403
        ? "(403): the service requires authentication, and the gateway sends it no Google ID token."
        : "(401): the gateway sends it no Google ID token, so Cloud Run took the client's own Authorization"
            + " header for one and could not accept it.";
    String explanation = "Cloud Run turned away the request to upstream '" + upstream.name() + "' " + cause
        + " Turn on Google serverless authentication for the upstream"
        + " (google_cloud_serverless_authentication.enabled; the token then travels in X-Serverless-Authorization"
        + " and the application's own Authorization header passes untouched) and grant the signing identity"
        + " roles/run.invoker: the admin API's upstreams/" + upstream.name() + "/invoker lists the commands.";
    return new CloudRunRefusal(status, explanation, null);
  }

  private static boolean onRunApp(Upstream upstream) {
    return SigningClaims.host(upstream.url()).filter(host -> host.endsWith(".run.app")).isPresent();
  }
}
