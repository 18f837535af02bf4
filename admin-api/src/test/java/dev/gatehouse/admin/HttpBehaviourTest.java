package dev.gatehouse.admin;

import static dev.gatehouse.admin.ApiFixture.OPERATOR;
import static dev.gatehouse.admin.ApiFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpBehaviourTest {
  private static ApiFixture api;
  private static String acmeKey;

  @BeforeAll
  static void start() {
    api = new ApiFixture();
    acmeKey = api.tenant("acme");
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static void assertProblem(ApiFixture.Response r, int status, String code) {
    assertThat(r.status()).as(r.text()).isEqualTo(status);
    assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
    JsonObject p = r.json();
    assertThat(p.getString("type")).isEqualTo("https://gatehouse.dev/problems/" + code);
    assertThat(p.getInteger("status")).isEqualTo(status);
    assertThat(p.getString("title")).isNotBlank();
    assertThat(p.getString("detail")).isNotBlank();
  }

  @Test
  void healthAndReadiness() {
    assertThat(expect(200, api.get("/healthz", null)).json()).isEqualTo(new JsonObject().put("status", "ok"));
    assertThat(expect(200, api.get("/readyz", null)).json()).isEqualTo(new JsonObject().put("status", "ready"));
  }

  @Test
  void openApiDocumentIsServedWithoutAuthentication() {
    JsonObject doc = expect(200, api.get("/api/v1/openapi.json", null)).json();
    assertThat(doc.getString("openapi")).startsWith("3.1");
    assertThat(doc.getJsonObject("paths").fieldNames()).contains("/tenants", "/tenants/{slug}/routes/{name}");
  }

  @Test
  void missingBadAndRevokedCredentialsAre401WithChallenge() {
    for (String token : new String[] {null, "nope", "ghk_" + "A".repeat(43), OPERATOR + "x"}) {
      var r = api.get("/api/v1/tenants", token);
      assertProblem(r, 401, "unauthenticated");
      assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
    }
    var created = expect(201, api.post("/api/v1/tenants/acme/keys", acmeKey, new JsonObject().put("name", "ci")));
    String key = created.json().getString("key");
    expect(200, api.get("/api/v1/tenants/acme", key));
    expect(204, api.delete("/api/v1/tenants/acme/keys/" + created.json().getString("id"), acmeKey));
    assertProblem(api.get("/api/v1/tenants/acme", key), 401, "unauthenticated");
  }

  @Test
  void unknownRouteIs404AndWrongMethodIs405() {
    assertProblem(api.get("/api/v1/nothing-here", OPERATOR), 404, "not-found");
    assertProblem(api.get("/elsewhere", null), 404, "not-found");
    expect(201, api.post("/api/v1/tenants/acme/hostnames", acmeKey, new JsonObject().put("hostname", "m.acme.test")));
    assertProblem(api.patch("/api/v1/tenants/acme/hostnames/m.acme.test", acmeKey,
        new JsonObject().put("hostname", "n.acme.test")), 405, "method-not-allowed");
    assertProblem(api.call("PUT", "/api/v1/tenants", OPERATOR, new JsonObject()), 405, "method-not-allowed");
  }

  @Test
  void bodyProblems() {
    String big = new JsonObject().put("slug", "big").put("display_name", "x".repeat(1024 * 1024 + 10)).encode();
    assertProblem(api.send("POST", "/api/v1/tenants", OPERATOR, big, "application/json", null), 413,
        "payload-too-large");
    assertProblem(api.send("POST", "/api/v1/tenants", OPERATOR, "{\"slug\":", "application/json", null), 400,
        "invalid-request");
    assertProblem(api.send("POST", "/api/v1/tenants", OPERATOR, "[1,2]", "application/json", null), 400,
        "invalid-request");
    assertProblem(api.send("POST", "/api/v1/tenants", OPERATOR, "slug=x", "application/x-www-form-urlencoded", null),
        415, "unsupported-media-type");
    var unknown = api.post("/api/v1/tenants", OPERATOR,
        new JsonObject().put("slug", "u").put("display_name", "U").put("color", "red"));
    assertProblem(unknown, 400, "invalid-request");
    assertThat(unknown.json().getJsonArray("errors").getJsonObject(0).getString("pointer")).isEqualTo("/color");
    var wrongType = api.post("/api/v1/tenants", OPERATOR, new JsonObject().put("slug", 5).put("display_name", "U"));
    assertProblem(wrongType, 400, "invalid-request");
    assertThat(wrongType.json().getJsonArray("errors").getJsonObject(0).getString("pointer")).isEqualTo("/slug");
    assertThat(api.count("SELECT count(*) FROM tenants")).isEqualTo(1);
  }

  @Test
  void nulCharactersAreRefusedNotA500() {
    var body = api.send("POST", "/api/v1/tenants", OPERATOR, "{\"slug\":\"nul\",\"display_name\":\"a\\u0000b\"}",
        "application/json", null);
    assertProblem(body, 400, "invalid-request");
    assertProblem(api.get("/api/v1/tenants/a%00b", OPERATOR), 404, "not-found");
    assertProblem(api.get("/api/v1/tenants/acme/idps/a%00b", OPERATOR), 404, "not-found");
    assertProblem(api.get("/api/v1/tenants/acme/hostnames/a%00b.test", OPERATOR), 404, "not-found");
  }

  @Test
  void badPagingParametersAre400WithQueryPointers() {
    var r = api.get("/api/v1/tenants?limit=0", OPERATOR);
    assertProblem(r, 400, "invalid-request");
    assertThat(r.json().getJsonArray("errors").getJsonObject(0).getString("pointer")).isEqualTo("#/query/limit");
    var t = api.get("/api/v1/tenants/acme/audit?page_token=bm90LWEtbnVtYmVy", OPERATOR);
    assertProblem(t, 400, "invalid-request");
    assertThat(t.json().getJsonArray("errors").getJsonObject(0).getString("pointer")).isEqualTo("#/query/page_token");
  }
}
