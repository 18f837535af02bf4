package dev.gatehouse.admin;

import static dev.gatehouse.admin.ApiFixture.OPERATOR;
import static dev.gatehouse.admin.ApiFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.store.ConfigChange;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every change sends exactly one NOTIFY and writes one audit record; a refused change writes nothing. */
class ChangeEventsTest {
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
  void eachChangeNotifiesOnceWithTheNextVersionAndIsAudited() throws Exception {
    List<Supplier<ApiFixture.Response>> changes = List.of(
        () -> api.post(T + "/hostnames", key, new JsonObject().put("hostname", "app.acme.test")),
        () -> api.patch(T, key, new JsonObject().put("contact", "ops@acme.test")),
        () -> api.post(T + "/upstreams", key, new JsonObject().put("name", "web").put("url", "https://w.run.app")),
        () -> api.patch(T + "/upstreams/web", key, new JsonObject().put("timeout", "5s")),
        () -> api.post(T + "/idps", key, new JsonObject().put("name", "corp").put("issuer", "https://i.example.com")
            .put("client_id", "c").put("client_secret", "s")),
        () -> api.post(T + "/routes", key, new JsonObject().put("name", "home").put("from", "https://app.acme.test")
            .put("upstream", "web").put("idp", "corp")),
        () -> api.patch(T + "/routes/home", key, new JsonObject().put("path", "/x")),
        () -> api.delete(T + "/routes/home", key),
        () -> api.delete(T + "/idps/corp", key),
        () -> api.post(T + "/keys", key, new JsonObject().put("name", "ci")),
        () -> api.delete(T + "/upstreams/web", OPERATOR),
        () -> api.delete(T + "/hostnames/app.acme.test", key));
    long version = 1;
    for (var change : changes) {
      var r = change.get();
      assertThat(r.status()).as(r.text()).isBetween(200, 204);
      version++;
      assertThat(api.changes.poll(30, TimeUnit.SECONDS)).isEqualTo(new ConfigChange("acme", version));
      assertThat(api.count("SELECT count(*) FROM audit")).isEqualTo(version);
    }
    var audit = expect(200, api.get(T + "/audit?limit=3", key)).json();
    var newest = audit.getJsonArray("items").getJsonObject(0);
    assertThat(newest.getString("action")).isEqualTo("delete");
    assertThat(newest.getString("resource_type")).isEqualTo("hostname");
    assertThat(newest.getString("actor")).startsWith("key:ghk_");
    assertThat(newest.getJsonObject("before").getString("hostname")).isEqualTo("app.acme.test");
    assertThat(newest.getValue("after")).isNull();
    var byOperator = audit.getJsonArray("items").getJsonObject(1);
    assertThat(byOperator.getString("actor")).isEqualTo("operator");
    var second = expect(200, api.get(T + "/audit?limit=3&page_token=" + audit.getString("next_page_token"), key));
    assertThat(audit.getJsonArray("items").getJsonObject(2).getString("resource_type")).isEqualTo("key");
    assertThat(second.items().getJsonObject(0).getString("resource_type")).isEqualTo("idp");
    assertThat(second.items().getJsonObject(0).getLong("id"))
        .isLessThan(audit.getJsonArray("items").getJsonObject(2).getLong("id"));
    assertThat(api.changes).isEmpty();
  }

  @Test
  void refusedChangesWriteNothing() throws Exception {
    expect(201, api.post(T + "/upstreams", key, new JsonObject().put("name", "web").put("url", "https://w.run.app")));
    assertThat(api.changes.poll(30, TimeUnit.SECONDS)).isEqualTo(new ConfigChange("acme", 2));
    String before = api.rows("SELECT row_to_json(t)::text FROM tenants t").get(0).getString(0);

    expect(409, api.post(T + "/upstreams", key, new JsonObject().put("name", "web").put("url", "https://x.run.app")));
    expect(400, api.post(T + "/routes", key, new JsonObject().put("name", "r").put("from", "https://nope.acme.test")
        .put("upstream", "web").put("allow_public_unauthenticated_access", true)));
    expect(412, api.send("PATCH", T + "/upstreams/web", key, "{\"timeout\":\"1s\"}", "application/json", "\"7\""));
    expect(403, api.patch(T, key, new JsonObject().put("allow_gateway_identity", true)));

    assertThat(api.rows("SELECT row_to_json(t)::text FROM tenants t").get(0).getString(0)).isEqualTo(before);
    assertThat(api.count("SELECT count(*) FROM audit")).isEqualTo(2);
    assertThat(expect(200, api.get(T + "/upstreams/web", key)).json().getString("url")).isEqualTo("https://w.run.app");
    // A later successful change is the next event, one version on: the refused ones sent nothing.
    expect(200, api.patch(T + "/upstreams/web", key, new JsonObject().put("timeout", "1s")));
    assertThat(api.changes.poll(30, TimeUnit.SECONDS)).isEqualTo(new ConfigChange("acme", 3));
  }
}
