package dev.gatehouse.core.cloudrun;

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

class CloudRunRefusalTest {

  private static final String URL = "https://hello-123456789012.europe-west1.run.app";
  private static final String TENANT_SA = "invoker@acme-prod.iam.gserviceaccount.com";
  private static final String GATEWAY_SA = "gatehouse@ops.iam.gserviceaccount.com";

  private final Tenant tenant = tenant("acme", true);

  @Test
  void a401PointsAtTheAudienceTheTokenWasMintedFor() {
    Upstream hello = upstream(tenant, "hello", URL, signedAs(TENANT_SA), 0);

    CloudRunRefusal refusal = CloudRunRefusal.of(hello, 401, Optional.of(GATEWAY_SA)).orElseThrow();

    assertThat(refusal.status()).isEqualTo(401);
    assertThat(refusal.explanation()).contains("upstream 'hello'", "X-Serverless-Authorization",
        "not valid for this service", "audience " + URL, "check the upstream's audience setting",
        "google_cloud_serverless_authentication.audience");
    assertThat(refusal.fix()).isNull();
  }

  @Test
  void a401NamesACustomAudienceAndTheAuthorizationHeader() {
    Upstream hello = upstream(tenant, "hello", URL,
        new ServerlessAuth(true, "https://api.acme.example", ServerlessHeader.AUTHORIZATION, TENANT_SA), 0);

    CloudRunRefusal refusal = CloudRunRefusal.of(hello, 401, Optional.empty()).orElseThrow();

    assertThat(refusal.explanation()).contains("audience https://api.acme.example", "in Authorization (401)")
        .doesNotContain(URL);
  }

  @Test
  void a403NamesTheImpersonatedAccountAndTheRunInvokerGrant() {
    Upstream hello = upstream(tenant, "hello", URL, signedAs(TENANT_SA), 0);

    CloudRunRefusal refusal = CloudRunRefusal.of(hello, 403, Optional.of(GATEWAY_SA)).orElseThrow();

    assertThat(refusal.status()).isEqualTo(403);
    assertThat(refusal.explanation()).contains("upstream 'hello'", "the service account " + TENANT_SA,
        "lacks roles/run.invoker", "drops the X-Serverless-Authorization header").doesNotContain(GATEWAY_SA);
    assertThat(refusal.fix()).isEqualTo("gcloud run services add-iam-policy-binding hello --region europe-west1"
        + " --project=123456789012 --member=serviceAccount:" + TENANT_SA + " --role=roles/run.invoker");
  }

  @Test
  void a403ForTheGatewaysOwnIdentityNamesItsEmailOrAPlaceholder() {
    Upstream hello = upstream(tenant, "hello", URL, signedAs(null), 0);

    CloudRunRefusal known = CloudRunRefusal.of(hello, 403, Optional.of(GATEWAY_SA)).orElseThrow();
    CloudRunRefusal unknown = CloudRunRefusal.of(hello, 403, Optional.empty()).orElseThrow();

    assertThat(known.explanation()).contains("the gateway's own service account " + GATEWAY_SA);
    assertThat(known.fix()).contains("--member=serviceAccount:" + GATEWAY_SA + " --role=roles/run.invoker");
    assertThat(unknown.explanation()).contains("the gateway's own service account,");
    assertThat(unknown.fix()).contains("--member=serviceAccount:GATEWAY_SERVICE_ACCOUNT");
  }

  @Test
  void aRunAppUpstreamTheGatewayDoesNotSignForIsToldToTurnSigningOn() {
    Upstream unsigned = upstream(tenant, "hello", URL + "/api", ServerlessAuth.DISABLED, 0);

    CloudRunRefusal forbidden = CloudRunRefusal.of(unsigned, 403, Optional.of(GATEWAY_SA)).orElseThrow();
    CloudRunRefusal unauthorized = CloudRunRefusal.of(unsigned, 401, Optional.of(GATEWAY_SA)).orElseThrow();

    assertThat(CloudRunRefusal.explains(unsigned)).isTrue();
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.explanation()).contains("upstream 'hello'", "requires authentication",
        "sends it no Google ID token", "google_cloud_serverless_authentication.enabled", "upstreams/hello/invoker");
    assertThat(forbidden.fix()).isNull();
    assertThat(unauthorized.explanation()).contains("the client's own Authorization header",
        "the application's own Authorization header passes untouched");
  }

  @Test
  void nothingToExplainForOtherStatusesOrUnsignedUpstreamsElsewhere() {
    Upstream hello = upstream(tenant, "hello", URL, signedAs(TENANT_SA), 0);
    Upstream plain = upstream(tenant, "plain", "http://echo.internal:8080", ServerlessAuth.DISABLED, 1);
    Upstream lookalike = upstream(tenant, "lookalike", "https://run.app.example.com", ServerlessAuth.DISABLED, 2);

    assertThat(List.of(200, 404, 500, 502)).allSatisfy(status ->
        assertThat(CloudRunRefusal.of(hello, status, Optional.empty())).isEmpty());
    assertThat(CloudRunRefusal.explains(hello)).isTrue();
    for (Upstream elsewhere : List.of(plain, lookalike)) {
      assertThat(CloudRunRefusal.explains(elsewhere)).isFalse();
      assertThat(CloudRunRefusal.of(elsewhere, 403, Optional.empty())).isEmpty();
      assertThat(CloudRunRefusal.of(elsewhere, 401, Optional.empty())).isEmpty();
    }
  }

  @Test
  void theSignatureOfASignedUpstreamIsWhatDecideSigns() {
    Upstream viaAccount = upstream(tenant, "a", URL + "/v1", signedAs(" " + TENANT_SA + " "), 0);
    Upstream viaGateway = upstream(tenant, "g", "https://other-123456789012.europe-west1.run.app",
        new ServerlessAuth(true, null, ServerlessHeader.AUTHORIZATION, null), 1);
    UpstreamSigning signing = new UpstreamSigning(SigningClaims.ofUpstreams(List.of(viaAccount, viaGateway)));

    assertThat(UpstreamSigning.signatureOf(viaAccount)).contains((SigningDecision.Sign) signing.decide(tenant,
        viaAccount));
    assertThat(UpstreamSigning.signatureOf(viaGateway)).contains((SigningDecision.Sign) signing.decide(tenant,
        viaGateway));
    assertThat(UpstreamSigning.signatureOf(upstream(tenant, "x", "not a url", signedAs(TENANT_SA), 2))).isEmpty();
  }
}
