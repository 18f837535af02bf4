package dev.gatehouse.admin;

import static dev.gatehouse.admin.ApiFixture.OPERATOR;
import static dev.gatehouse.admin.ApiFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TenantsApiTest {
  private static ApiFixture api;

  @BeforeAll
  static void start() {
    api = new ApiFixture();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  static String pointer(ApiFixture.Response r) {
    return r.json().getJsonArray("errors").getJsonObject(0).getString("pointer");
  }

  @Test
  void createReadPatchDelete() {
    var created = expect(201, api.post("/api/v1/tenants", OPERATOR, new JsonObject().put("slug", "acme")
        .put("display_name", "Acme Inc").put("contact", "it@acme.test")));
    JsonObject t = created.json();
    assertThat(created.header("Location")).isEqualTo("/api/v1/tenants/acme");
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    assertThat(t.getString("admin_key")).matches("ghk_[A-Za-z0-9_-]{43}");
    assertThat(t.getString("slug")).isEqualTo("acme");
    assertThat(t.getString("contact")).isEqualTo("it@acme.test");
    assertThat(t.getBoolean("allow_gateway_identity")).isFalse();
    assertThat(t.getString("authenticate_hostname")).isNull();
    assertThat(t.getInteger("version")).isEqualTo(1);
    assertThat(t.getString("created_at")).endsWith("Z");
    String key = t.getString("admin_key");

    expect(201, api.post("/api/v1/tenants/acme/hostnames", key, new JsonObject().put("hostname", "b.acme.test")));
    expect(201, api.post("/api/v1/tenants/acme/hostnames", key, new JsonObject().put("hostname", "a.acme.test")));
    var read = expect(200, api.get("/api/v1/tenants/acme", key));
    assertThat(read.json().getString("authenticate_hostname")).as("default: first hostname").isEqualTo("b.acme.test");
    assertThat(read.json().containsKey("admin_key")).isFalse();

    var patched = expect(200, api.send("PATCH", "/api/v1/tenants/acme", key,
        "{\"display_name\":\"Acme\",\"authenticate_hostname\":\"a.acme.test\",\"contact\":null}", "application/json",
        "\"1\""));
    assertThat(patched.header("ETag")).isEqualTo("\"2\"");
    assertThat(patched.json().getString("display_name")).isEqualTo("Acme");
    assertThat(patched.json().getString("authenticate_hostname")).isEqualTo("a.acme.test");
    assertThat(patched.json().getValue("contact")).isNull();

    var stale = api.send("PATCH", "/api/v1/tenants/acme", key, "{\"display_name\":\"X\"}", "application/json", "\"1\"");
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.json().getString("type")).endsWith("/precondition-failed");

    var refused = api.delete("/api/v1/tenants/acme/hostnames/a.acme.test", key);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().getString("detail")).contains("authenticate_hostname");

    expect(403, api.delete("/api/v1/tenants/acme", key));
    expect(412, api.send("DELETE", "/api/v1/tenants/acme", OPERATOR, null, null, "\"1\""));
    expect(204, api.send("DELETE", "/api/v1/tenants/acme", OPERATOR, null, null, "\"2\""));
    expect(404, api.get("/api/v1/tenants/acme", OPERATOR));
    expect(401, api.get("/api/v1/tenants", key));
    assertThat(api.count("SELECT count(*) FROM audit WHERE resource_name IN ('acme', 'a.acme.test', 'b.acme.test')"))
        .isZero();
    assertThat(api.count("SELECT count(*) FROM hostnames WHERE hostname LIKE '%.acme.test'")).isZero();
  }

  @Test
  void refusals() {
    String key = api.tenant("beta");
    var dup = api.post("/api/v1/tenants", OPERATOR, new JsonObject().put("slug", "beta").put("display_name", "B"));
    assertThat(dup.status()).isEqualTo(409);
    assertThat(dup.json().getString("detail")).isEqualTo("tenant beta already exists");

    var badSlug = api.post("/api/v1/tenants", OPERATOR, new JsonObject().put("slug", "-Bad").put("display_name", "B"));
    assertThat(badSlug.status()).isEqualTo(400);
    assertThat(pointer(badSlug)).isEqualTo("/slug");
    var noName = api.post("/api/v1/tenants", OPERATOR, new JsonObject().put("slug", "gamma"));
    assertThat(noName.status()).isEqualTo(400);
    assertThat(pointer(noName)).isEqualTo("/display_name");

    expect(403, api.post("/api/v1/tenants", key, new JsonObject().put("slug", "mine").put("display_name", "M")));
    var gateway = api.patch("/api/v1/tenants/beta", key, new JsonObject().put("allow_gateway_identity", true));
    assertThat(gateway.status()).isEqualTo(403);
    assertThat(gateway.json().getString("type")).endsWith("/forbidden");
    assertThat(expect(200, api.patch("/api/v1/tenants/beta", OPERATOR,
        new JsonObject().put("allow_gateway_identity", true))).json().getBoolean("allow_gateway_identity")).isTrue();

    var slugChange = api.patch("/api/v1/tenants/beta", OPERATOR, new JsonObject().put("slug", "other"));
    assertThat(slugChange.status()).isEqualTo(400);
    assertThat(pointer(slugChange)).isEqualTo("/slug");
    var foreignHost = api.patch("/api/v1/tenants/beta", OPERATOR,
        new JsonObject().put("authenticate_hostname", "nope.example.com"));
    assertThat(foreignHost.status()).isEqualTo(400);
    assertThat(pointer(foreignHost)).isEqualTo("/authenticate_hostname");
  }

  @Test
  void aTenantKeyCanNeitherGrantNorRevokeTheGatewayIdentityAndNothingOfSuchAPatchApplies() {
    String key = api.tenant("delta");
    String t = "/api/v1/tenants/delta";
    var grant = api.patch(t, key, new JsonObject().put("allow_gateway_identity", true).put("display_name", "Mine"));
    assertThat(grant.status()).isEqualTo(403);
    assertThat(grant.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(grant.json().getString("detail")).isEqualTo("only the operator may change allow_gateway_identity");
    JsonObject before = expect(200, api.get(t, OPERATOR)).json();
    assertThat(before.getBoolean("allow_gateway_identity")).isFalse();
    assertThat(before.getString("display_name")).isEqualTo("delta");

    JsonObject allowed = expect(200, api.patch(t, OPERATOR, new JsonObject().put("allow_gateway_identity", true)))
        .json();
    var revoke = api.patch(t, key, new JsonObject().put("allow_gateway_identity", false).put("contact", "x@y.z"));
    assertThat(revoke.status()).isEqualTo(403);
    assertThat(expect(200, api.get(t, OPERATOR)).json()).isEqualTo(allowed);

    // Restating the current value changes nothing operator-only, so the rest of the patch applies.
    JsonObject restated = expect(200, api.patch(t, key, new JsonObject().put("allow_gateway_identity", true)
        .put("display_name", "Delta"))).json();
    assertThat(restated.getBoolean("allow_gateway_identity")).isTrue();
    assertThat(restated.getString("display_name")).isEqualTo("Delta");
  }

  @Test
  void listsPageBySlug() {
    for (String slug : new String[] {"p3", "p1", "p2"}) {
      api.tenant(slug);
    }
    var first = expect(200, api.get("/api/v1/tenants?limit=2", OPERATOR)).json();
    assertThat(first.getJsonArray("items")).hasSize(2);
    String token = first.getString("next_page_token");
    assertThat(token).isNotNull();
    var rest = expect(200, api.get("/api/v1/tenants?limit=200&page_token=" + token, OPERATOR)).json();
    assertThat(rest.getValue("next_page_token")).isNull();
    var all = new java.util.ArrayList<String>();
    first.getJsonArray("items").forEach(o -> all.add(((JsonObject) o).getString("slug")));
    rest.getJsonArray("items").forEach(o -> all.add(((JsonObject) o).getString("slug")));
    assertThat(all).isSorted().contains("p1", "p2", "p3").doesNotHaveDuplicates();
  }
}
