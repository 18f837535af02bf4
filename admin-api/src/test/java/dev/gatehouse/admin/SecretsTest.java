package dev.gatehouse.admin;

import static dev.gatehouse.admin.ApiFixture.OPERATOR;
import static dev.gatehouse.admin.ApiFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.config.Idp;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A client secret is sealed at rest and never appears in any answer or audit record. */
class SecretsTest {
  private static final String T = "/api/v1/tenants/acme";
  private static final String FIRST = "s3cr3t-FIRST-7f1d2c9e";
  private static final String SECOND = "s3cr3t-SECOND-a81b44f0";
  private static ApiFixture api;
  private static String key;

  @BeforeAll
  static void start() {
    api = new ApiFixture();
    key = api.tenant("acme");
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void secretIsSealedAndNeverReturned() {
    var created = expect(201, api.post(T + "/idps", key, new JsonObject().put("name", "corp")
        .put("issuer", "https://login.example.com").put("client_id", "cid").put("client_secret", FIRST)));
    assertThat(created.text()).doesNotContain(FIRST);
    assertThat(created.json().getBoolean("client_secret_set")).isTrue();
    assertThat(created.json().containsKey("client_secret")).isFalse();
    assertSealed(FIRST);

    var patched = expect(200, api.patch(T + "/idps/corp", key, new JsonObject().put("client_secret", SECOND)));
    assertThat(patched.text()).doesNotContain(SECOND).doesNotContain(FIRST);
    assertSealed(SECOND);
    expect(200, api.patch(T + "/idps/corp", key, new JsonObject().put("client_id", "cid2")));
    assertSealed(SECOND);

    for (String path : List.of(T + "/idps/corp", T + "/idps", T + "/audit", T, "/api/v1/tenants")) {
      for (String token : List.of(key, OPERATOR)) {
        String text = expect(200, api.get(path, token)).text();
        assertThat(text).as(path).doesNotContain(FIRST).doesNotContain(SECOND);
      }
    }
    List<Row> audit = api.rows("SELECT action, before::text, after::text FROM audit WHERE resource_type = 'idp'"
        + " ORDER BY id");
    assertThat(audit).hasSize(3);
    audit.forEach(r -> assertThat(r.getString(1) + r.getString(2)).doesNotContain(FIRST).doesNotContain(SECOND));
    var items = expect(200, api.get(T + "/audit", key)).items();
    JsonObject secretChange = items.getJsonObject(1);
    assertThat(secretChange.getString("resource_type")).isEqualTo("idp");
    assertThat(secretChange.getJsonObject("after").getString("client_secret")).isEqualTo("[redacted]");
    JsonObject creation = items.getJsonObject(2);
    assertThat(creation.getJsonObject("after").getString("client_secret")).isEqualTo("[redacted]");
    JsonObject idChange = items.getJsonObject(0);
    assertThat(idChange.getJsonObject("after").containsKey("client_secret")).isFalse();
    assertThat(idChange.getJsonObject("after").getString("client_id")).isEqualTo("cid2");
  }

  private static void assertSealed(String plaintext) {
    Row row = api.rows("SELECT tenant_id, client_secret_sealed FROM idps WHERE name = 'corp'").get(0);
    byte[] sealed = row.getBuffer(1).getBytes();
    UUID tenantId = row.getUUID(0);
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(plaintext);
    assertThat(api.secrets.open(sealed, Idp.secretAad(tenantId, "corp"))).isEqualTo(plaintext);
  }
}
