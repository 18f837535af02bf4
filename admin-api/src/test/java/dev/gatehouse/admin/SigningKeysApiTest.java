package dev.gatehouse.admin;

import static dev.gatehouse.admin.ApiFixture.OPERATOR;
import static dev.gatehouse.admin.ApiFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.store.ConfigChange;
import dev.gatehouse.core.store.SigningKey;
import dev.gatehouse.core.store.SigningKeyMaterial;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The signing-keys endpoints: public parts only, rotation as an audited, notified change. */
class SigningKeysApiTest {
  private static final String T = "/api/v1/tenants/acme";
  private ApiFixture api;
  private String key;

  @BeforeEach
  void start() throws Exception {
    api = new ApiFixture();
    key = api.tenant("acme");
    assertThat(api.changes.poll(30, TimeUnit.SECONDS)).isEqualTo(new ConfigChange("acme", 1));
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void listShowsTheActiveKeyCreatedOnFirstAsk() {
    assertThat(api.count("SELECT count(*) FROM signing_keys")).isZero();

    var first = expect(200, api.get(T + "/signing-keys", key));
    var again = expect(200, api.get(T + "/signing-keys", OPERATOR));

    assertThat(again.json()).isEqualTo(first.json());
    assertThat(first.json().getValue("next_page_token")).isNull();
    JsonObject active = first.items().getJsonObject(0);
    assertThat(first.items()).hasSize(1);
    assertThat(active.fieldNames()).containsExactlyInAnyOrder("kid", "state", "algorithm", "public_jwk",
        "created_at", "retired_at", "published_until");
    assertThat(active.getString("state")).isEqualTo("active");
    assertThat(active.getString("algorithm")).isEqualTo("ES256");
    assertThat(active.getValue("retired_at")).isNull();
    JsonObject jwk = active.getJsonObject("public_jwk");
    assertThat(jwk.fieldNames()).containsExactlyInAnyOrder("kid", "kty", "crv", "x", "y", "alg", "use");
    assertThat(jwk.getString("kid")).isEqualTo(active.getString("kid"));
    assertThat(SigningKeyMaterial.thumbprint(jwk)).isEqualTo(active.getString("kid"));
    assertThat(api.count("SELECT count(*) FROM signing_keys")).isEqualTo(1);
    assertThat(api.changes).isEmpty();
  }

  @Test
  void rotationByTenantKeyOrOperatorIsAuditedAndNotified() throws Exception {
    String original = expect(200, api.get(T + "/signing-keys", key)).items().getJsonObject(0).getString("kid");

    var byKey = expect(200, api.post(T + "/signing-keys/rotate", key, null));
    assertThat(api.changes.poll(30, TimeUnit.SECONDS)).isEqualTo(new ConfigChange("acme", 2));
    var byOperator = expect(200, api.post(T + "/signing-keys/rotate", OPERATOR, null));
    assertThat(api.changes.poll(30, TimeUnit.SECONDS)).isEqualTo(new ConfigChange("acme", 3));

    assertThat(byKey.json().getString("state")).isEqualTo("active");
    assertThat(byKey.json().getString("kid")).isNotEqualTo(original);
    var list = expect(200, api.get(T + "/signing-keys", key)).items();
    assertThat(list).hasSize(3);
    assertThat(list.getJsonObject(0)).isEqualTo(byOperator.json());
    assertThat(list.getJsonObject(1).getString("kid")).isEqualTo(byKey.json().getString("kid"));
    assertThat(list.getJsonObject(2).getString("kid")).isEqualTo(original);
    for (int i = 1; i < 3; i++) {
      JsonObject retired = list.getJsonObject(i);
      assertThat(retired.getString("state")).isEqualTo("retired");
      Instant retiredAt = Instant.parse(retired.getString("retired_at"));
      assertThat(Instant.parse(retired.getString("published_until")))
          .isEqualTo(retiredAt.plus(SigningKey.PUBLISHED_AFTER_RETIREMENT));
    }

    var audit = expect(200, api.get(T + "/audit?limit=2", key)).items();
    assertThat(audit.getJsonObject(0).getString("actor")).isEqualTo("operator");
    assertThat(audit.getJsonObject(1).getString("actor")).startsWith("key:ghk_");
    for (int i = 0; i < 2; i++) {
      assertThat(audit.getJsonObject(i).getString("action")).isEqualTo("rotate");
      assertThat(audit.getJsonObject(i).getString("resource_type")).isEqualTo("signing_key");
    }
    assertThat(audit.getJsonObject(1).getString("resource_name")).isEqualTo(byKey.json().getString("kid"));
    assertThat(audit.getJsonObject(1).getJsonObject("before").getString("kid")).isEqualTo(original);
  }

  @Test
  void noPrivateMaterialInAnyAnswerOrAuditRecord() {
    expect(200, api.get(T + "/signing-keys", key));
    expect(200, api.post(T + "/signing-keys/rotate", key, null));
    expect(200, api.post(T + "/signing-keys/rotate", key, null));
    UUID acme = api.rows("SELECT id FROM tenants WHERE slug = 'acme'").get(0).getUUID(0);
    List<String> secrets = new ArrayList<>();
    for (Row row : api.rows("SELECT tenant_id, kid, public_jwk, private_key_sealed, created_at, retired_at"
        + " FROM signing_keys")) {
      SigningKey stored = new SigningKey(acme, row.getString("kid"), row.getJsonObject("public_jwk"),
          row.getBuffer("private_key_sealed").getBytes(), Instant.EPOCH, null);
      ECPrivateKey privateKey = SigningKeyMaterial.privateKey(stored, api.secrets);
      secrets.add(Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned32(privateKey.getS())));
      secrets.add(Base64.getEncoder().encodeToString(privateKey.getEncoded()));
      secrets.add(Base64.getEncoder().encodeToString(stored.privateKeySealed()));
    }
    assertThat(secrets).hasSize(9);
    List<String> answers = new ArrayList<>();
    answers.add(expect(200, api.post(T + "/signing-keys/rotate", OPERATOR, null)).text());
    answers.add(expect(200, api.get(T + "/signing-keys", key)).text());
    answers.add(expect(200, api.get(T + "/signing-keys?limit=1", OPERATOR)).text());
    answers.add(expect(200, api.get(T + "/audit", key)).text());
    answers.add(expect(200, api.get(T, key)).text());
    for (String answer : answers) {
      for (String secret : secrets) {
        assertThat(answer).doesNotContain(secret);
      }
      assertThat(answer).doesNotContain("\"d\"").doesNotContain("private");
    }
  }

  @Test
  void listPagesAndRefusesForeignPageTokens() {
    expect(200, api.get(T + "/signing-keys", key));
    for (int i = 0; i < 3; i++) {
      expect(200, api.post(T + "/signing-keys/rotate", key, null));
    }
    List<String> kids = new ArrayList<>();
    String token = null;
    do {
      var page = expect(200, api.get(T + "/signing-keys?limit=2" + (token == null ? "" : "&page_token=" + token),
          key)).json();
      page.getJsonArray("items").forEach(item -> kids.add(((JsonObject) item).getString("kid")));
      token = page.getString("next_page_token");
    } while (token != null);
    assertThat(kids).hasSize(4).doesNotHaveDuplicates();
    assertThat(api.rows("SELECT kid FROM signing_keys ORDER BY created_at DESC, kid DESC"))
        .extracting(r -> r.getString(0)).containsExactlyElementsOf(kids);

    String foreign = Base64.getUrlEncoder().withoutPadding().encodeToString("42".getBytes());
    var refused = api.get(T + "/signing-keys?page_token=" + foreign, key);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
  }

  @Test
  void rotatingATenantWithoutKeysMakesItsFirstKey() {
    var made = expect(200, api.post(T + "/signing-keys/rotate", key, null)).json();
    assertThat(made.getString("state")).isEqualTo("active");
    assertThat(expect(200, api.get(T + "/signing-keys", key)).items()).containsExactly(made);
    var audit = expect(200, api.get(T + "/audit?limit=1", key)).items().getJsonObject(0);
    assertThat(audit.getString("action")).isEqualTo("rotate");
    assertThat(audit.getValue("before")).isNull();
  }

  @Test
  void rotateRefusesABodyAndChangesNothing() {
    String before = expect(200, api.get(T + "/signing-keys", key)).text();
    var r = api.post(T + "/signing-keys/rotate", key, new JsonObject().put("kid", "mine"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(r.json().getString("detail")).isEqualTo("rotate takes no request body");
    assertThat(expect(200, api.get(T + "/signing-keys", key)).text()).isEqualTo(before);
    assertThat(api.count("SELECT count(*) FROM audit WHERE resource_type = 'signing_key'")).isZero();
  }

  @Test
  void deletingTheTenantDeletesItsSigningKeys() {
    expect(200, api.get(T + "/signing-keys", key));
    expect(200, api.post(T + "/signing-keys/rotate", key, null));
    assertThat(api.count("SELECT count(*) FROM signing_keys")).isEqualTo(2);
    expect(204, api.delete(T, OPERATOR));
    assertThat(api.count("SELECT count(*) FROM signing_keys")).isZero();
    assertThat(api.get(T + "/signing-keys", OPERATOR).status()).isEqualTo(404);
  }

  private static byte[] unsigned32(java.math.BigInteger value) {
    byte[] bytes = value.toByteArray();
    byte[] fixed = new byte[32];
    int copy = Math.min(bytes.length, 32);
    System.arraycopy(bytes, bytes.length - copy, fixed, 32 - copy, copy);
    return fixed;
  }
}
