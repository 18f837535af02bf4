package dev.gatehouse.core.cloudrun;

import static dev.gatehouse.core.cloudrun.Configs.config;
import static dev.gatehouse.core.cloudrun.Configs.signedAs;
import static dev.gatehouse.core.cloudrun.Configs.tenant;
import static dev.gatehouse.core.cloudrun.Configs.upstream;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.config.ServerlessAuth;
import dev.gatehouse.core.config.ServerlessHeader;
import dev.gatehouse.core.config.Tenant;
import dev.gatehouse.core.config.Upstream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InvokerGrantsTest {

  private static final String TENANT_SA = "invoker@tenant-a.iam.gserviceaccount.com";
  private static final String GATEWAY_SA = "gatehouse@ops.iam.gserviceaccount.com";

  private final Tenant tenant = tenant("acme", true);

  @Test
  void deterministicRunAppUrlsGiveServiceRegionAndProject() {
    assertThat(CloudRunService.fromUrl("https://hello-api-123456789012.europe-west1.run.app/x"))
        .contains(new CloudRunService("hello-api", "europe-west1", "123456789012"));
    assertThat(CloudRunService.fromUrl("https://hello-api-2s3e4x5ema-uc.a.run.app"))
        .contains(new CloudRunService("hello-api", null, null));
    assertThat(CloudRunService.fromUrl("https://hello.example.com")).isEmpty();
  }

  @Test
  void anImpersonatedAccountNeedsRunInvokerAndTheGatewayNeedsTokenCreatorOnIt() {
    Upstream hello = upstream(tenant, "hello", "https://hello-123456789012.us-central1.run.app",
        signedAs(TENANT_SA), 0);

    InvokerGrant grant = InvokerGrants.describe(hello, decide(hello), Optional.of(GATEWAY_SA));

    assertThat(grant.signedBy()).isEqualTo("service account " + TENANT_SA + ", impersonated by the gateway,"
        + " audience https://hello-123456789012.us-central1.run.app, header X-Serverless-Authorization");
    assertThat(grant.member()).isEqualTo("serviceAccount:" + TENANT_SA);
    assertThat(grant.commands()).containsExactly(
        "gcloud run services add-iam-policy-binding hello --region us-central1 --project=123456789012"
            + " --member=serviceAccount:" + TENANT_SA + " --role=roles/run.invoker",
        "gcloud iam service-accounts add-iam-policy-binding " + TENANT_SA
            + " --member=serviceAccount:" + GATEWAY_SA + " --role=roles/iam.serviceAccountTokenCreator");
    assertThat(grant.notes()).isEmpty();
  }

  @Test
  void theGatewayIdentityOnAnOlderUrlLeavesRegionAndEmailAsPlaceholdersAndSaysSo() {
    Upstream hello = upstream(tenant, "hello", "https://hello-2s3e4x5ema-uc.a.run.app", signedAs(null), 0);

    InvokerGrant grant = InvokerGrants.describe(hello, decide(hello), Optional.empty());

    assertThat(grant.member()).isEqualTo("serviceAccount:GATEWAY_SERVICE_ACCOUNT");
    assertThat(grant.commands()).containsExactly("gcloud run services add-iam-policy-binding hello --region REGION"
        + " --member=serviceAccount:GATEWAY_SERVICE_ACCOUNT --role=roles/run.invoker");
    assertThat(grant.notes()).hasSize(2).anySatisfy(n -> assertThat(n).startsWith("REGION:"))
        .anySatisfy(n -> assertThat(n).startsWith("GATEWAY_SERVICE_ACCOUNT"));
  }

  @Test
  void aCustomDomainLeavesServiceAndRegionAsPlaceholders() {
    Upstream hello = upstream(tenant, "hello", "https://api.acme.example",
        new ServerlessAuth(true, "acme-api", ServerlessHeader.AUTHORIZATION, TENANT_SA), 0);

    InvokerGrant grant = InvokerGrants.describe(hello, decide(hello), Optional.of(GATEWAY_SA));

    assertThat(grant.commands().get(0)).startsWith("gcloud run services add-iam-policy-binding SERVICE --region REGION");
    assertThat(grant.signedBy()).endsWith("audience acme-api, header Authorization");
    assertThat(grant.notes()).singleElement().asString().contains("not a *.run.app URL");
  }

  @Test
  void behindACustomDomainTheServiceComesFromARunAppAudience() {
    Upstream hello = upstream(tenant, "hello", "https://api.acme.example",
        new ServerlessAuth(true, "https://hello-123456789012.europe-west1.run.app",
            ServerlessHeader.X_SERVERLESS_AUTHORIZATION, TENANT_SA), 0);

    InvokerGrant grant = InvokerGrants.describe(hello, decide(hello), Optional.of(GATEWAY_SA));

    assertThat(grant.commands().get(0)).isEqualTo("gcloud run services add-iam-policy-binding hello"
        + " --region europe-west1 --project=123456789012 --member=serviceAccount:" + TENANT_SA
        + " --role=roles/run.invoker");
    assertThat(grant.notes()).isEmpty();
  }

  @Test
  void refusedAndUnsignedUpstreamsHaveNoCommands() {
    Tenant strict = tenant("strict", false);
    Upstream noAccount = upstream(strict, "hello", "https://hello-2s3e4x5ema-uc.a.run.app", signedAs(null), 0);
    Upstream plain = upstream(strict, "plain", "http://echo:8080", ServerlessAuth.DISABLED, 0);
    UpstreamSigning signing = new UpstreamSigning(SigningClaims.of(List.of()));

    InvokerGrant refused = InvokerGrants.describe(noAccount, signing.decide(strict, noAccount), Optional.empty());
    InvokerGrant unsigned = InvokerGrants.describe(plain, signing.decide(strict, plain), Optional.empty());

    assertThat(refused.signedBy()).startsWith("nobody: upstream 'hello' has Google serverless authentication");
    assertThat(refused.commands()).isEmpty();
    assertThat(unsigned.signedBy()).contains("off");
    assertThat(unsigned.member()).isNull();
  }

  private SigningDecision decide(Upstream upstream) {
    return new UpstreamSigning(SigningClaims.of(List.of(config(tenant, upstream))))
        .decide(tenant, upstream);
  }
}
