package dev.gatehouse.admin;

import static dev.gatehouse.admin.ApiFixture.OPERATOR;
import static dev.gatehouse.admin.ApiFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hostnames, IdPs, upstreams, routes and keys: happy paths and refusals. */
class ResourcesApiTest {
  private static final String T = "/api/v1/tenants/acme";
  private ApiFixture api;
  private String key;

  @BeforeEach
  void start() {
    api = new ApiFixture();
    key = api.tenant("acme");
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private static List<String> pointers(ApiFixture.Response r) {
    assertThat(r.status()).as(r.text()).isEqualTo(400);
    List<String> out = new ArrayList<>();
    r.json().getJsonArray("errors").forEach(e -> out.add(((JsonObject) e).getString("pointer")));
    return out;
  }

  @Test
  void hostnames() {
    var created = expect(201, api.post(T + "/hostnames", key, new JsonObject().put("hostname", "App.Acme.TEST")));
    assertThat(created.json().getString("hostname")).isEqualTo("app.acme.test");
    assertThat(created.header("Location")).isEqualTo(T + "/hostnames/app.acme.test");
    expect(201, api.post(T + "/hostnames", key, new JsonObject().put("hostname", "hello.localhost")));
    for (String bad : List.of("localhost", "*.acme.test", "acme.test.", "acme.test:8080", "-a.acme.test", "a_b.test")) {
      assertThat(pointers(api.post(T + "/hostnames", key, new JsonObject().put("hostname", bad)))).as(bad)
          .containsExactly("/hostname");
    }
    var dup = api.post(T + "/hostnames", key, new JsonObject().put("hostname", "app.acme.test"));
    assertThat(dup.status()).isEqualTo(409);
    assertThat(dup.json().getString("detail")).isEqualTo("hostname app.acme.test is already registered");
    var list = expect(200, api.get(T + "/hostnames", key)).items();
    assertThat(list).extracting(o -> ((JsonObject) o).getString("hostname"))
        .containsExactly("app.acme.test", "hello.localhost");
    assertThat(expect(200, api.get(T + "/hostnames/app.acme.test", key)).header("ETag")).isEqualTo("\"1\"");
    expect(204, api.delete(T + "/hostnames/hello.localhost", key));
    expect(404, api.delete(T + "/hostnames/hello.localhost", key));
  }

  @Test
  void idpValidation() {
    var bad = api.post(T + "/idps", key, new JsonObject().put("name", "Corp").put("issuer", "http://login.example.com")
        .put("client_id", "").put("scopes", new JsonArray().add("email")));
    assertThat(pointers(bad)).contains("/name", "/client_id", "/client_secret", "/scopes");
    var plainHttp = api.post(T + "/idps", key, new JsonObject().put("name", "corp")
        .put("issuer", "http://login.example.com").put("client_id", "c").put("client_secret", "s"));
    assertThat(pointers(plainHttp)).containsExactly("/issuer");
    var local = expect(201, api.post(T + "/idps", key, new JsonObject().put("name", "local")
        .put("issuer", "http://127.0.0.1:8081/default").put("client_id", "c").put("client_secret", "s")));
    assertThat(local.json().getJsonArray("scopes")).isEqualTo(new JsonArray().add("openid").add("email").add("profile"));
    assertThat(local.json().getString("groups_claim")).isEqualTo("groups");
    var dup = api.post(T + "/idps", key, new JsonObject().put("name", "local").put("issuer", "https://x.example.com")
        .put("client_id", "c").put("client_secret", "s"));
    assertThat(dup.status()).isEqualTo(409);
    assertThat(dup.json().getString("detail")).isEqualTo("idp local already exists");
    assertThat(pointers(api.patch(T + "/idps/local", key, new JsonObject().put("name", "other"))))
        .containsExactly("/name");
    var patched = expect(200, api.patch(T + "/idps/local", key, new JsonObject().put("groups_claim", "roles")));
    assertThat(patched.json().getString("groups_claim")).isEqualTo("roles");
    assertThat(patched.json().getInteger("version")).isEqualTo(2);
    assertThat(patched.json().getString("issuer")).isEqualTo("http://127.0.0.1:8081/default");
  }

  @Test
  void upstreamValidationAndReferencedDelete() {
    var bad = api.post(T + "/upstreams", key, new JsonObject().put("name", "web").put("url", "ftp://x.example.com/?q")
        .put("connect_timeout", "10 seconds")
        .put("google_cloud_serverless_authentication", new JsonObject().put("header", "cookie")));
    assertThat(pointers(bad)).contains("/url", "/connect_timeout",
        "/google_cloud_serverless_authentication/header");
    var web = expect(201, api.post(T + "/upstreams", key, new JsonObject().put("name", "web")
        .put("url", "https://hello-abc-uc.a.run.app/base").put("google_cloud_serverless_authentication",
            new JsonObject().put("enabled", true).put("service_account", "invoker-sa@proj-1.iam.gserviceaccount.com"))));
    JsonObject auth = web.json().getJsonObject("google_cloud_serverless_authentication");
    assertThat(auth.getBoolean("enabled")).isTrue();
    assertThat(auth.getString("header")).isEqualTo("x-serverless-authorization");
    assertThat(auth.getValue("audience")).isNull();
    assertThat(web.json().getString("connect_timeout")).isEqualTo("10s");
    assertThat(web.json().getString("timeout")).isEqualTo("30s");

    expect(201, api.post(T + "/hostnames", key, new JsonObject().put("hostname", "app.acme.test")));
    for (String name : List.of("home", "api")) {
      expect(201, api.post(T + "/routes", key, new JsonObject().put("name", name).put("from", "https://app.acme.test")
          .put("upstream", "web").put("allow_public_unauthenticated_access", true)));
    }
    var refused = api.delete(T + "/upstreams/web", key);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().getString("detail")).isEqualTo("upstream web is used by routes: api, home");
    var hostRefused = api.delete(T + "/hostnames/app.acme.test", key);
    assertThat(hostRefused.status()).isEqualTo(409);
    assertThat(hostRefused.json().getString("detail")).isEqualTo("hostname app.acme.test is used by routes: api, home");
    expect(204, api.delete(T + "/routes/home", key));
    expect(204, api.delete(T + "/routes/api", key));
    expect(412, api.send("DELETE", T + "/upstreams/web", key, null, null, "\"9\""));
    expect(204, api.send("DELETE", T + "/upstreams/web", key, null, null, "\"1\""));
  }

  @Test
  void routes() {
    expect(201, api.post(T + "/hostnames", key, new JsonObject().put("hostname", "app.acme.test")));
    expect(201, api.post(T + "/upstreams", key, new JsonObject().put("name", "web").put("url", "http://10.0.0.1:8080")));
    expect(201, api.post(T + "/idps", key, new JsonObject().put("name", "corp").put("issuer", "https://i.example.com")
        .put("client_id", "c").put("client_secret", "s")));
    String other = api.tenant("other");
    expect(201, api.post("/api/v1/tenants/other/hostnames", other, new JsonObject().put("hostname", "o.other.test")));
    expect(201, api.post("/api/v1/tenants/other/upstreams", other,
        new JsonObject().put("name", "theirs").put("url", "https://t.example.com")));

    var refs = api.post(T + "/routes", key, new JsonObject().put("name", "r").put("from", "https://o.other.test")
        .put("upstream", "theirs").put("idp", "nope"));
    assertThat(pointers(refs)).containsExactlyInAnyOrder("/from", "/upstream", "/idp");
    var noIdp = api.post(T + "/routes", key, new JsonObject().put("name", "r").put("from", "https://app.acme.test")
        .put("upstream", "web"));
    assertThat(pointers(noIdp)).containsExactly("/idp");
    var shapes = api.post(T + "/routes", key, new JsonObject().put("name", "r").put("from", "https://app.acme.test:8443")
        .put("upstream", "web").put("idp", "corp")
        .put("set_request_headers", new JsonObject().put("X-Gatehouse-User", "me")).put("timeout", "soon"));
    assertThat(pointers(shapes)).contains("/from", "/set_request_headers/X-Gatehouse-User", "/timeout");
    var twoMatchers = api.post(T + "/routes", key, new JsonObject().put("name", "r").put("from", "https://app.acme.test")
        .put("upstream", "web").put("idp", "corp").put("path", "/a").put("prefix", "/b"));
    assertThat(pointers(twoMatchers)).containsExactly("/prefix");
    var regex = api.post(T + "/routes", key, new JsonObject().put("name", "r").put("from", "https://app.acme.test")
        .put("upstream", "web").put("idp", "corp").put("regex", "(["));
    assertThat(pointers(regex)).containsExactly("/regex");
    var policy = api.post(T + "/routes", key, new JsonObject().put("name", "r").put("from", "https://app.acme.test")
        .put("upstream", "web").put("idp", "corp").put("policy", new JsonArray()
            .add(new JsonObject().put("allow", new JsonObject().put("and", new JsonArray()
                .add(new JsonObject().put("email", new JsonObject().put("is", "a@acme.test")))
                .add(new JsonObject().put("no_such_criterion", true)))))));
    assertThat(pointers(policy)).singleElement().asString().startsWith("/policy/0/allow/and/1");

    JsonArray rules = new JsonArray().add(new JsonObject().put("allow", new JsonObject().put("or", new JsonArray()
        .add(new JsonObject().put("domain", new JsonObject().put("is", "acme.test"))))));
    var created = expect(201, api.post(T + "/routes", key, new JsonObject().put("name", "home")
        .put("from", "https://app.acme.test").put("prefix", "/app").put("upstream", "web").put("idp", "corp")
        .put("policy", rules).put("pass_identity_headers", true).put("allow_websockets", true)
        .put("set_request_headers", new JsonObject().put("X-Env", "prod"))
        .put("remove_request_headers", new JsonArray().add("Cookie")).put("timeout", "90s")));
    JsonObject route = created.json();
    assertThat(route.getString("from")).isEqualTo("https://app.acme.test");
    assertThat(route.getString("prefix")).isEqualTo("/app");
    assertThat(route.getJsonArray("policy")).hasSize(1);
    assertThat(route.getBoolean("pass_identity_headers")).isTrue();
    assertThat(route.getBoolean("cors_allow_preflight")).isFalse();
    assertThat(route.getJsonObject("set_request_headers").getString("X-Env")).isEqualTo("prod");
    assertThat(route.getString("timeout")).isEqualTo("90s");

    var switched = expect(200, api.send("PATCH", T + "/routes/home", key,
        "{\"path\":\"/exact\",\"idp\":null,\"allow_public_unauthenticated_access\":true,\"timeout\":null}",
        "application/json", "\"1\"")).json();
    assertThat(switched.getString("path")).isEqualTo("/exact");
    assertThat(switched.containsKey("prefix")).isFalse();
    assertThat(switched.getValue("idp")).isNull();
    assertThat(switched.getValue("timeout")).isNull();
    assertThat(switched.getJsonArray("policy")).hasSize(1);
    var unknown = api.patch(T + "/routes/home", key, new JsonObject().put("version", 5));
    assertThat(pointers(unknown)).containsExactly("/version");
    expect(204, api.delete(T + "/idps/corp", OPERATOR));
  }

  @Test
  void keys() {
    var created = expect(201, api.post(T + "/keys", key, new JsonObject().put("name", "ci"))).json();
    assertThat(created.getString("key")).startsWith(created.getString("prefix"));
    assertThat(created.getString("prefix")).hasSize(12);
    assertThat(created.getValue("revoked_at")).isNull();
    String id = created.getString("id");
    JsonObject one = expect(200, api.get(T + "/keys/" + id, key)).json();
    assertThat(one.containsKey("key")).isFalse();
    assertThat(one.getString("name")).isEqualTo("ci");
    var list = expect(200, api.get(T + "/keys", OPERATOR));
    assertThat(list.items()).hasSize(2);
    assertThat(list.text()).doesNotContain(created.getString("key"));
    assertThat(pointers(api.post(T + "/keys", key, new JsonObject()))).containsExactly("/name");

    expect(200, api.get(T, created.getString("key")));
    expect(204, api.delete(T + "/keys/" + id, key));
    assertThat(expect(200, api.get(T + "/keys/" + id, key)).json().getString("revoked_at")).isNotNull();
    expect(401, api.get(T, created.getString("key")));
    expect(201, api.post(T + "/keys", key, new JsonObject().put("name", "alpha")));
    List<String> names = new ArrayList<>();
    String token = null;
    do {
      var page = expect(200, api.get(T + "/keys?limit=1" + (token == null ? "" : "&page_token=" + token), key)).json();
      page.getJsonArray("items").forEach(k -> names.add(((JsonObject) k).getString("name")));
      token = page.getString("next_page_token");
    } while (token != null);
    assertThat(names).containsExactly("alpha", "ci", "initial");
    expect(404, api.get(T + "/keys/not-a-uuid", key));
    expect(404, api.get(T + "/keys/" + java.util.UUID.randomUUID(), key));
  }
}
