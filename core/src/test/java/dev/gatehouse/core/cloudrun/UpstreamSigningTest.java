package dev.gatehouse.core.cloudrun;

import static dev.gatehouse.core.cloudrun.Configs.config;
import static dev.gatehouse.core.cloudrun.Configs.signedAs;
import static dev.gatehouse.core.cloudrun.Configs.tenant;
import static dev.gatehouse.core.cloudrun.Configs.upstream;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.config.ServerlessAuth;
import dev.gatehouse.core.config.ServerlessHeader;
import dev.gatehouse.core.config.Tenant;
import dev.gatehouse.core.config.TenantConfig;
import dev.gatehouse.core.config.Upstream;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpstreamSigningTest {

  private static final String A_SA = "invoker@tenant-a.iam.gserviceaccount.com";
  private static final String A_URL = "https://hello-abc123xyz-uc.a.run.app";

  private final Tenant a = tenant("acme", false);
  private final Tenant trusted = tenant("trusted", true);
  private final Tenant b = tenant("bravo", false);

  private static UpstreamSigning signing(List<TenantConfig> all) {
    return new UpstreamSigning(SigningClaims.of(all));
  }

  @Test
  void anUpstreamWithoutServerlessAuthenticationIsNotSigned() {
    Upstream plain = upstream(a, "plain", "http://echo.internal:8080", ServerlessAuth.DISABLED, 0);

    assertThat(signing(List.of(config(a, plain))).decide(a, plain)).isEqualTo(new SigningDecision.Unsigned());
  }

  @Test
  void theTenantsServiceAccountSignsWithTheServiceUrlAsAudienceInXServerlessAuthorization() {
    Upstream hello = upstream(a, "hello", A_URL + "/api?x=1", signedAs(A_SA), 0);

    SigningDecision decision = signing(List.of(config(a, hello))).decide(a, hello);

    assertThat(decision).isEqualTo(new SigningDecision.Sign(SigningIdentity.serviceAccount(A_SA), A_URL,
        ServerlessHeader.X_SERVERLESS_AUTHORIZATION));
    assertThat(((SigningDecision.Sign) decision).headerName()).isEqualTo("X-Serverless-Authorization");
  }

  @Test
  void aCustomAudienceAndTheAuthorizationHeaderAreHonoured() {
    Upstream hello = upstream(a, "hello", A_URL,
        new ServerlessAuth(true, "acme-hello", ServerlessHeader.AUTHORIZATION, A_SA), 0);

    SigningDecision.Sign sign = (SigningDecision.Sign) signing(List.of(config(a, hello))).decide(a, hello);

    assertThat(sign.audience()).isEqualTo("acme-hello");
    assertThat(sign.headerName()).isEqualTo("Authorization");
    assertThat(sign.headerValue("t0k")).isEqualTo("Bearer t0k");
  }

  @Test
  void theGatewaysOwnIdentityOnlyForTenantsTheOperatorAllowed() {
    Upstream allowed = upstream(trusted, "hello", "https://trusted-abc123xyz-uc.a.run.app", signedAs(null), 0);
    Upstream notAllowed = upstream(a, "hello", A_URL, signedAs(null), 1);
    UpstreamSigning signing = signing(List.of(config(trusted, allowed), config(a, notAllowed)));

    SigningDecision forTrusted = signing.decide(trusted, allowed);
    SigningDecision forA = signing.decide(a, notAllowed);

    assertThat(forTrusted).isEqualTo(new SigningDecision.Sign(SigningIdentity.gateway(),
        "https://trusted-abc123xyz-uc.a.run.app", ServerlessHeader.X_SERVERLESS_AUTHORIZATION));
    assertThat(forA).isInstanceOf(SigningDecision.Refused.class);
    assertThat(((SigningDecision.Refused) forA).reason())
        .contains("upstream 'hello'", "no service_account", "allow_gateway_identity", "tenant 'acme'",
            "roles/iam.serviceAccountTokenCreator");
  }

  @Test
  void tenantBCannotHaveTheGatewaySignWithTenantAsServiceAccount() {
    Upstream aHello = upstream(a, "hello", A_URL, signedAs(A_SA), 0);
    Upstream bSteals = upstream(b, "mine", "https://bravo-abc123xyz-uc.a.run.app", signedAs(A_SA.toUpperCase()), 5);
    UpstreamSigning signing = signing(List.of(config(a, aHello), config(b, bSteals)));

    SigningDecision forB = signing.decide(b, bSteals);

    assertThat(forB).isInstanceOf(SigningDecision.Refused.class);
    assertThat(((SigningDecision.Refused) forB).reason()).contains("already used by another tenant")
        .doesNotContain("acme");
    assertThat(signing.decide(a, aHello)).isInstanceOf(SigningDecision.Sign.class);
  }

  @Test
  void tenantBCannotHaveTheGatewaySignForTenantAsServiceEvenWithTheGatewayIdentityOrItsOwnAccount() {
    Tenant trustedB = tenant("bravo-trusted", true);
    Upstream aHello = upstream(a, "hello", A_URL, signedAs(A_SA), 0);
    Upstream viaGateway = upstream(trustedB, "their", A_URL + "/", signedAs(null), 3);
    Upstream viaOwnAccount = upstream(b, "their", "https://HELLO-abc123xyz-uc.a.run.app",
        signedAs("invoker@tenant-b.iam.gserviceaccount.com"), 4);
    Upstream viaCustomAudience = upstream(b, "aud", "https://bravo-abc123xyz-uc.a.run.app",
        new ServerlessAuth(true, A_URL, ServerlessHeader.X_SERVERLESS_AUTHORIZATION,
            "invoker@tenant-b.iam.gserviceaccount.com"), 4);
    UpstreamSigning signing = signing(List.of(config(a, aHello), config(trustedB, viaGateway),
        config(b, viaOwnAccount, viaCustomAudience)));

    assertThat(List.of(signing.decide(trustedB, viaGateway), signing.decide(b, viaOwnAccount),
        signing.decide(b, viaCustomAudience)))
        .allSatisfy(decision -> assertThat(decision).isInstanceOfSatisfying(SigningDecision.Refused.class,
            refused -> assertThat(refused.reason()).contains("belongs to another tenant's upstream")));
  }

  @Test
  void anUpstreamOfAnotherTenantIsRefused() {
    Upstream aHello = upstream(a, "hello", A_URL, signedAs(A_SA), 0);

    SigningDecision decision = signing(List.of(config(a, aHello))).decide(b, aHello);

    assertThat(decision).isEqualTo(new SigningDecision.Refused("upstream 'hello' does not belong to tenant 'bravo'"));
  }

  @Test
  void withoutAHostAndWithoutACustomAudienceThereIsNoAudience() {
    Upstream broken = upstream(a, "broken", "not a url", signedAs(A_SA), 0);

    SigningDecision decision = signing(List.of(config(a, broken))).decide(a, broken);

    assertThat(decision).isInstanceOfSatisfying(SigningDecision.Refused.class,
        refused -> assertThat(refused.reason()).contains("set google_cloud_serverless_authentication.audience"));
  }
}
