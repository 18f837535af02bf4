package dev.gatehouse.core.cloudrun;

import dev.gatehouse.core.config.Upstream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Renders an {@link InvokerGrant} from a signing decision (pure). */
public final class InvokerGrants {

  static final String GATEWAY_PLACEHOLDER = "GATEWAY_SERVICE_ACCOUNT";

  private InvokerGrants() {
  }

  /**
   * {@code gatewayAccount}: the email of the gateway's own service account when known (configured by
   * the operator, or read from the gateway's credentials); otherwise a placeholder appears in the commands.
   */
  public static InvokerGrant describe(Upstream upstream, SigningDecision decision, Optional<String> gatewayAccount) {
    if (decision instanceof SigningDecision.Unsigned) {
      return new InvokerGrant("nobody: Google serverless authentication is off for this upstream", null,
          List.of(), List.of());
    }
    if (decision instanceof SigningDecision.Refused refused) {
      return new InvokerGrant("nobody: " + refused.reason(), null, List.of(), List.of());
    }
    SigningDecision.Sign sign = (SigningDecision.Sign) decision;
    List<String> notes = new ArrayList<>();
    String gateway = gatewayAccount.orElse(GATEWAY_PLACEHOLDER);
    if (gatewayAccount.isEmpty()) {
      notes.add(GATEWAY_PLACEHOLDER + " is the email of the service account the gateway runs as, which the"
          + " operator has not configured (GATEHOUSE_GOOGLE_SERVICE_ACCOUNT)");
    }
    String email = sign.identity() instanceof SigningIdentity.ServiceAccount account ? account.email() : gateway;
    String member = "serviceAccount:" + email;
    List<String> commands = new ArrayList<>();
    commands.add(invokerCommand(upstream.url(), sign.audience(), member, notes));
    if (sign.identity() instanceof SigningIdentity.ServiceAccount) {
      commands.add("gcloud iam service-accounts add-iam-policy-binding " + email
          + " --member=serviceAccount:" + gateway + " --role=roles/iam.serviceAccountTokenCreator");
    }
    String signedBy = sign.identity() instanceof SigningIdentity.ServiceAccount
        ? sign.identity().describe() + ", impersonated by the gateway"
        : sign.identity().describe() + gatewayAccount.map(a -> " (" + a + ")").orElse("");
    return new InvokerGrant(signedBy + ", audience " + sign.audience() + ", header " + sign.headerName(),
        member, commands, notes);
  }

  /** The service comes from the upstream's URL or, behind a custom domain or load balancer, from its audience. */
  private static String invokerCommand(String url, String audience, String member, List<String> notes) {
    Optional<CloudRunService> service = CloudRunService.fromUrl(url).or(() -> CloudRunService.fromUrl(audience));
    String name = service.map(CloudRunService::service).orElse("SERVICE");
    String region = service.map(CloudRunService::region).orElse("REGION");
    if (service.isEmpty()) {
      notes.add("SERVICE and REGION: " + url + " is not a *.run.app URL, nor is the audience " + audience
          + ", so the Cloud Run service name and region cannot be derived from them (gcloud run services list"
          + " shows them)");
    } else if (service.get().region() == null) {
      notes.add("REGION: the older *.a.run.app URL form carries only a region code; gcloud run services list"
          + " --filter=metadata.name=" + name + " shows the region");
    }
    String project = service.map(CloudRunService::projectNumber).map(p -> " --project=" + p).orElse("");
    return "gcloud run services add-iam-policy-binding " + name + " --region " + region + project
        + " --member=" + member + " --role=roles/run.invoker";
  }
}
