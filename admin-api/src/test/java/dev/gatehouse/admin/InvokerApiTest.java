package dev.gatehouse.admin;

import static dev.gatehouse.admin.ApiFixture.OPERATOR;
import static dev.gatehouse.admin.ApiFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /tenants/{slug}/upstreams/{name}/invoker: who signs for an upstream and what to grant, per tenant. */
class InvokerApiTest {
  private static final String GATEWAY_SA = "gatehouse@ops-project.iam.gserviceaccount.com";
  private static final String ACME_SA = "invoker@acme-prod.iam.gserviceaccount.com";
  private static final String HELLO_URL = "https://hello-123456789012.europe-west1.run.app";
  private static final String A = "/api/v1/tenants/acme";
  private static final String T = "/api/v1/tenants/trusted";

  private static ApiFixture api;
  private static String acmeKey;
  private static String trustedKey;
  private static String evilKey;

  @BeforeAll
  static void start() {
    api = new ApiFixture(Optional.of(GATEWAY_SA));
    acmeKey = api.tenant("acme");
    trustedKey = api.tenant("trusted");
    evilKey = api.tenant("evil");
    expect(200, api.patch(T, OPERATOR, new JsonObject().put("allow_gateway_identity", true)));
    expect(201, api.post(A + "/upstreams", acmeKey, upstream("hello", HELLO_URL, auth(ACME_SA))));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void theTenantsServiceAccountSignsAndNeedsRunInvokerWhileTheGatewayNeedsTokenCreatorOnIt() {
    JsonObject invoker = expect(200, api.get(A + "/upstreams/hello/invoker", acmeKey)).json();

    assertThat(invoker.getString("upstream")).isEqualTo("hello");
    assertThat(invoker.getString("state")).isEqualTo("signed");
    assertThat(invoker.getBoolean("signed")).isTrue();
    assertThat(invoker.getJsonObject("identity")).isEqualTo(new JsonObject()
        .put("kind", "service_account").put("email", ACME_SA).put("member", "serviceAccount:" + ACME_SA)
        .put("description", "service account " + ACME_SA + ", impersonated by the gateway"));
    assertThat(invoker.getValue("reason")).isNull();
    assertThat(invoker.getString("audience")).isEqualTo(HELLO_URL);
    assertThat(invoker.getString("header")).isEqualTo("x-serverless-authorization");
    assertThat(invoker.getJsonArray("commands")).containsExactly(
        "gcloud run services add-iam-policy-binding hello --region europe-west1 --project=123456789012"
            + " --member=serviceAccount:" + ACME_SA + " --role=roles/run.invoker",
        "gcloud iam service-accounts add-iam-policy-binding " + ACME_SA
            + " --member=serviceAccount:" + GATEWAY_SA + " --role=roles/iam.serviceAccountTokenCreator");
    assertThat(invoker.getJsonArray("notes")).isEmpty();
    assertThat(expect(200, api.get(A + "/upstreams/hello/invoker", OPERATOR)).json()).isEqualTo(invoker);
  }

  @Test
  void theGatewaysOwnServiceAccountSignsOnlyWhereTheOperatorAllowedIt() {
    JsonObject noAccount = upstream("own", "https://own-123456789012.us-central1.run.app", auth(null));
    expect(201, api.post(T + "/upstreams", trustedKey, noAccount));
    expect(201, api.post(A + "/upstreams", acmeKey,
        upstream("own", "https://acme-own-123456789012.us-central1.run.app", auth(null))));

    JsonObject trusted = expect(200, api.get(T + "/upstreams/own/invoker", trustedKey)).json();
    JsonObject acme = expect(200, api.get(A + "/upstreams/own/invoker", acmeKey)).json();

    assertThat(trusted.getString("state")).isEqualTo("signed");
    assertThat(trusted.getJsonObject("identity")).isEqualTo(new JsonObject().put("kind", "gateway")
        .put("email", GATEWAY_SA).put("member", "serviceAccount:" + GATEWAY_SA)
        .put("description", "the gateway's service account " + GATEWAY_SA));
    assertThat(trusted.getJsonArray("commands")).containsExactly("gcloud run services add-iam-policy-binding own"
        + " --region us-central1 --project=123456789012 --member=serviceAccount:" + GATEWAY_SA
        + " --role=roles/run.invoker");
    assertThat(acme.getString("state")).isEqualTo("refused");
    assertThat(acme.getBoolean("signed")).isFalse();
    assertThat(acme.getValue("identity")).isNull();
    assertThat(acme.getString("reason")).contains("allow_gateway_identity", "service_account");
    assertThat(acme.getJsonArray("commands")).isEmpty();
    assertThat(acme.getValue("audience")).isNull();
  }

  @Test
  void anUpstreamWithoutGoogleAuthenticationIsUnsigned() {
    expect(201, api.post(A + "/upstreams", acmeKey, new JsonObject().put("name", "plain")
        .put("url", "http://echo.internal:8080")));

    JsonObject plain = expect(200, api.get(A + "/upstreams/plain/invoker", acmeKey)).json();

    assertThat(plain).isEqualTo(new JsonObject().put("upstream", "plain").put("state", "unsigned")
        .put("signed", false).putNull("identity")
        .put("reason", "Google serverless authentication is off for this upstream")
        .putNull("audience").putNull("header").put("commands", new JsonArray()).put("notes", new JsonArray()));
  }

  @Test
  void aCustomAudienceAndTheAuthorizationHeaderAreShownAndUnknownPartsArePlaceholders() {
    JsonObject custom = auth(ACME_SA).put("audience", "https://api.acme.example").put("header", "authorization");
    expect(201, api.post(A + "/upstreams", acmeKey, upstream("custom", "https://api.acme.example", custom)));

    JsonObject invoker = expect(200, api.get(A + "/upstreams/custom/invoker", acmeKey)).json();

    assertThat(invoker.getString("audience")).isEqualTo("https://api.acme.example");
    assertThat(invoker.getString("header")).isEqualTo("authorization");
    assertThat(invoker.getJsonArray("commands").getString(0))
        .startsWith("gcloud run services add-iam-policy-binding SERVICE --region REGION");
    assertThat(invoker.getJsonArray("notes")).singleElement().asString().contains("not a *.run.app URL");
  }

  @Test
  void anotherTenantNamingAcmesAccountOrServiceIsRefusedWithoutNamingAcme() {
    expect(201, api.post("/api/v1/tenants/evil/upstreams", evilKey,
        upstream("steal-account", "https://evil-123456789012.europe-west1.run.app", auth(ACME_SA))));
    expect(201, api.post("/api/v1/tenants/evil/upstreams", evilKey,
        upstream("steal-service", HELLO_URL, auth("invoker@evil-prod.iam.gserviceaccount.com"))));

    var account = expect(200, api.get("/api/v1/tenants/evil/upstreams/steal-account/invoker", evilKey));
    var service = expect(200, api.get("/api/v1/tenants/evil/upstreams/steal-service/invoker", evilKey));

    assertThat(account.json().getString("state")).isEqualTo("refused");
    assertThat(account.json().getString("reason")).contains("already used by another tenant");
    assertThat(service.json().getString("state")).isEqualTo("refused");
    assertThat(service.json().getString("reason")).contains("belongs to another tenant's upstream");
    assertThat(account.text() + service.text()).doesNotContain("acme\"", "tenant 'acme'", "/acme");
    assertThat(expect(200, api.get(A + "/upstreams/hello/invoker", acmeKey)).json().getString("state"))
        .isEqualTo("signed");
  }

  @Test
  void anUnknownUpstreamIs404() {
    var r = api.get(A + "/upstreams/nope/invoker", acmeKey);

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
  }

  @Test
  void withoutAConfiguredGatewayEmailTheCommandsCarryAPlaceholderAndSaySo() {
    try (ApiFixture unconfigured = new ApiFixture()) {
      String key = unconfigured.tenant("solo");
      expect(200, unconfigured.patch("/api/v1/tenants/solo", OPERATOR,
          new JsonObject().put("allow_gateway_identity", true)));
      expect(201, unconfigured.post("/api/v1/tenants/solo/upstreams", key, upstream("own", HELLO_URL, auth(null))));
      expect(201, unconfigured.post("/api/v1/tenants/solo/upstreams", key,
          upstream("sa", "https://sa-123456789012.europe-west1.run.app", auth(ACME_SA))));

      JsonObject own = expect(200, unconfigured.get("/api/v1/tenants/solo/upstreams/own/invoker", key)).json();
      JsonObject sa = expect(200, unconfigured.get("/api/v1/tenants/solo/upstreams/sa/invoker", key)).json();

      assertThat(own.getJsonObject("identity")).isEqualTo(new JsonObject().put("kind", "gateway").putNull("email")
          .put("member", "serviceAccount:GATEWAY_SERVICE_ACCOUNT").put("description", "the gateway's service account"));
      assertThat(own.getJsonArray("commands").getString(0)).contains("--member=serviceAccount:GATEWAY_SERVICE_ACCOUNT");
      assertThat(own.getJsonArray("notes")).singleElement().asString()
          .startsWith("GATEWAY_SERVICE_ACCOUNT").contains("GATEHOUSE_GOOGLE_SERVICE_ACCOUNT");
      assertThat(sa.getJsonArray("commands").getString(1))
          .endsWith("--member=serviceAccount:GATEWAY_SERVICE_ACCOUNT --role=roles/iam.serviceAccountTokenCreator");
    }
  }

  private static JsonObject upstream(String name, String url, JsonObject auth) {
    return new JsonObject().put("name", name).put("url", url).put("google_cloud_serverless_authentication", auth);
  }

  private static JsonObject auth(String serviceAccount) {
    JsonObject auth = new JsonObject().put("enabled", true);
    return serviceAccount == null ? auth : auth.put("service_account", serviceAccount);
  }
}
