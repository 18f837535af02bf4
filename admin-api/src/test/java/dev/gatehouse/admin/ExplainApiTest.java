package dev.gatehouse.admin;

import static dev.gatehouse.admin.ApiFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /tenants/{slug}/policy/explain: the decision and its reasons, without sending a request. */
class ExplainApiTest {
  private static final String T = "/api/v1/tenants/acme";
  private static final String EXPLAIN = T + "/policy/explain";
  private static ApiFixture api;
  private static String key;

  @BeforeAll
  static void start() {
    api = new ApiFixture();
    key = api.tenant("acme");
    expect(201, api.post(T + "/hostnames", key, new JsonObject().put("hostname", "app.acme.test")));
    expect(201, api.post(T + "/idps", key, new JsonObject().put("name", "corp")
        .put("issuer", "https://login.acme.test").put("client_id", "c").put("client_secret", "s")));
    expect(201, api.post(T + "/upstreams", key, new JsonObject().put("name", "web")
        .put("url", "https://web.acme.test")));
    JsonArray policy = new JsonArray("""
        [{"allow": {"and": [{"domain": {"is": "acme.test"}}, {"groups": {"has": "staff"}}]}},
         {"allow": {"and": [{"source_ip": "10.0.0.0/8"}, {"http_method": {"is": "GET"}}]}},
         {"deny": {"or": [{"email": {"is": "fired@acme.test"}}]}}]""");
    expect(201, api.post(T + "/routes", key, route("home", policy).put("allow_any_authenticated_user", false)));
    expect(201, api.post(T + "/routes", key, route("open", new JsonArray())
        .put("allow_public_unauthenticated_access", true)));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static JsonObject route(String name, JsonArray policy) {
    return new JsonObject().put("name", name).put("from", "https://app.acme.test")
        .put("prefix", "/" + name).put("upstream", "web").put("idp", "corp").put("policy", policy);
  }

  private static JsonObject user(String email, String... groups) {
    return new JsonObject().put("email", email).put("groups", new JsonArray(List.of(groups)));
  }

  private static JsonObject explain(JsonObject question) {
    return expect(200, api.post(EXPLAIN, key, question)).json();
  }

  @Test
  void staffOfTheDomainIsAllowedByTheFirstRule() {
    JsonObject answer = explain(new JsonObject().put("route", "home").put("user", user("ann@acme.test", "staff")));
    assertThat(answer.getBoolean("allowed")).isTrue();
    assertThat(answer.getInteger("deciding_rule")).isEqualTo(1);
    assertThat(answer.getJsonArray("reasons").getList()).containsExactly("domain-ok", "groups-ok", "allowed-by-rule-1");
    assertThat(answer.getJsonArray("policy")).hasSize(3);
  }

  @Test
  void theReasonsSayWhatIsMissing() {
    JsonObject answer = explain(new JsonObject().put("route", "home").put("user", user("bob@acme.test")));
    assertThat(answer.getBoolean("allowed")).isFalse();
    assertThat(answer.getBoolean("requires_login")).isFalse();
    assertThat(answer.getJsonArray("reasons").getList()).contains("groups-unauthorized", "no-matching-allow-rule");
  }

  @Test
  void theRequestFactsCount() {
    JsonObject fromInside = new JsonObject().put("route", "home").put("user", user("eve@other.test"))
        .put("request", new JsonObject().put("method", "GET").put("path", "/home/x").put("source_ip", "10.1.2.3"));
    assertThat(explain(fromInside).getInteger("deciding_rule")).isEqualTo(2);
    fromInside.getJsonObject("request").put("method", "POST");
    assertThat(explain(fromInside).getBoolean("allowed")).isFalse();
  }

  @Test
  void aDenyRuleWinsAndNamesItself() {
    JsonObject answer = explain(new JsonObject().put("route", "home").put("user", user("fired@acme.test", "staff")));
    assertThat(answer.getBoolean("allowed")).isFalse();
    assertThat(answer.getJsonArray("reasons").getList()).contains("denied-by-rule-3");
  }

  @Test
  void aSignedOutVisitorNeedsToSignInUnlessTheRouteIsPublic() {
    JsonObject home = explain(new JsonObject().put("route", "home"));
    assertThat(home.getBoolean("allowed")).isFalse();
    assertThat(home.getBoolean("requires_login")).isTrue();
    JsonObject open = explain(new JsonObject().put("route", "open").putNull("user"));
    assertThat(open.getBoolean("allowed")).isTrue();
    assertThat(open.getJsonArray("policy").getJsonObject(0).encode()).isEqualTo("{\"allow\":{\"or\":[{\"accept\":true}]}}");
  }

  @Test
  void badQuestionsAreRefusedWithPointers() {
    List<String> pointers = pointers(api.post(EXPLAIN, key, new JsonObject().put("route", "home")
        .put("user", new JsonObject().put("groups", new JsonArray().add("x")))
        .put("request", new JsonObject().put("source_ip", "example.com").put("time", "yesterday")
            .put("path", "no-slash"))));
    assertThat(pointers).containsExactlyInAnyOrder("/user/sub", "/request/source_ip", "/request/time", "/request/path");
    assertThat(pointers(api.post(EXPLAIN, key, new JsonObject().put("route", "absent")))).containsExactly("/route");
    assertThat(pointers(api.post(EXPLAIN, key, new JsonObject().put("route", "home").put("extra", 1))))
        .containsExactly("/extra");
    assertThat(api.post(EXPLAIN, "ghk_" + "A".repeat(43), new JsonObject().put("route", "home")).status())
        .isEqualTo(401);
  }

  private static List<String> pointers(ApiFixture.Response r) {
    assertThat(r.status()).as(r.text()).isEqualTo(400);
    assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
    List<String> out = new ArrayList<>();
    r.json().getJsonArray("errors").forEach(e -> out.add(((JsonObject) e).getString("pointer")));
    return out;
  }
}
