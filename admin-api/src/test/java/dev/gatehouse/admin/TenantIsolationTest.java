package dev.gatehouse.admin;

import static dev.gatehouse.admin.ApiFixture.OPERATOR;
import static dev.gatehouse.admin.ApiFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tenant B's key on tenant A's resources answers 404 everywhere, exactly as if absent, and changes nothing. */
class TenantIsolationTest {
  private static final String A = "/api/v1/tenants/acme";
  private static ApiFixture api;
  private static String acmeKey;
  private static String evilKey;
  private static String acmeKeyId;
  private static String acmeSignIn;

  @BeforeAll
  static void start() {
    api = new ApiFixture();
    acmeKey = api.populatedTenant("acme");
    evilKey = api.populatedTenant("evil");
    acmeKeyId = expect(200, api.get(A + "/keys", acmeKey)).items().getJsonObject(0).getString("id");
    Instant now = Instant.parse("2026-03-01T10:00:00Z");
    acmeSignIn = api.sessions.signIn(api.tenantId("acme"), "acme-alice-login", "alice", "alice@acme.test", now,
        "app.acme.test").handle();
    api.sessions.signIn(api.tenantId("evil"), "evil-alice-login", "alice", "alice@acme.test", now, "app.evil.test");
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  static Stream<Arguments> foreignRequests() {
    JsonObject idp = new JsonObject().put("name", "x").put("issuer", "https://i.example.com").put("client_id", "c")
        .put("client_secret", "s");
    JsonObject upstream = new JsonObject().put("name", "x").put("url", "https://x.run.app");
    JsonObject route = new JsonObject().put("name", "x").put("from", "https://app.acme.test").put("upstream", "web")
        .put("idp", "corp");
    return Stream.of(
        Arguments.of("GET", A, null),
        Arguments.of("PATCH", A, new JsonObject().put("display_name", "pwned")),
        Arguments.of("PATCH", A, new JsonObject().put("display_name", 42)),
        Arguments.of("DELETE", A, null),
        Arguments.of("GET", A + "/hostnames", null),
        Arguments.of("POST", A + "/hostnames", new JsonObject().put("hostname", "new.acme.test")),
        Arguments.of("POST", A + "/hostnames", new JsonObject().put("hostname", "not valid")),
        Arguments.of("GET", A + "/hostnames/app.acme.test", null),
        Arguments.of("DELETE", A + "/hostnames/app.acme.test", null),
        Arguments.of("GET", A + "/idps", null),
        Arguments.of("POST", A + "/idps", idp),
        Arguments.of("GET", A + "/idps/corp", null),
        Arguments.of("PATCH", A + "/idps/corp", new JsonObject().put("client_id", "pwned")),
        Arguments.of("DELETE", A + "/idps/corp", null),
        Arguments.of("GET", A + "/upstreams", null),
        Arguments.of("POST", A + "/upstreams", upstream),
        Arguments.of("GET", A + "/upstreams/web", null),
        Arguments.of("PATCH", A + "/upstreams/web", new JsonObject().put("url", "https://evil.example.com")),
        Arguments.of("DELETE", A + "/upstreams/web", null),
        Arguments.of("GET", A + "/upstreams/web/invoker", null),
        Arguments.of("GET", A + "/upstreams/does-not-exist/invoker", null),
        Arguments.of("GET", A + "/routes", null),
        Arguments.of("POST", A + "/routes", route),
        Arguments.of("GET", A + "/routes/home", null),
        Arguments.of("PATCH", A + "/routes/home", new JsonObject().put("allow_public_unauthenticated_access", true)),
        Arguments.of("DELETE", A + "/routes/home", null),
        Arguments.of("GET", A + "/keys", null),
        Arguments.of("POST", A + "/keys", new JsonObject().put("name", "backdoor")),
        Arguments.of("GET", A + "/keys/{acme-key}", null),
        Arguments.of("DELETE", A + "/keys/{acme-key}", null),
        Arguments.of("GET", A + "/signing-keys", null),
        Arguments.of("GET", A + "/signing-keys?page_token=AAAA", null),
        Arguments.of("POST", A + "/signing-keys/rotate", null),
        Arguments.of("POST", A + "/signing-keys/rotate", new JsonObject().put("kid", "x")),
        Arguments.of("GET", A + "/sessions", null),
        Arguments.of("GET", A + "/sessions?user=alice", null),
        Arguments.of("DELETE", A + "/sessions?user=alice", null),
        Arguments.of("DELETE", A + "/sessions?user=" + "alice%40acme.test", null),
        Arguments.of("DELETE", A + "/sessions", null),
        Arguments.of("GET", A + "/sessions/{acme-sign-in}", null),
        Arguments.of("DELETE", A + "/sessions/{acme-sign-in}", null),
        Arguments.of("DELETE", A + "/sessions/not-a-handle", null),
        Arguments.of("GET", A + "/audit", null),
        Arguments.of("POST", A + "/policy/explain", new JsonObject().put("route", "home")),
        Arguments.of("GET", A + "/idps/does-not-exist", null),
        Arguments.of("GET", "/api/v1/tenants/no-such-tenant", null));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("foreignRequests")
  void foreignKeyGets404AndChangesNothing(String method, String path, JsonObject body) {
    JsonObject before = snapshotOfAcme();
    var r = api.call(method, concrete(path), evilKey, body);
    assertThat(r.status()).as(r.text()).isEqualTo(404);
    assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(r.json().getString("type")).isEqualTo("https://gatehouse.dev/problems/not-found");
    assertThat(r.text()).doesNotContain("acme");
    assertThat(snapshotOfAcme()).isEqualTo(before);
    // The same request shape for a tenant that does not exist answers identically.
    var absent = api.call(method, concrete(path).replace("/tenants/acme", "/tenants/absent"), evilKey, body);
    assertThat(absent.status()).isEqualTo(404);
    assertThat(absent.json()).isEqualTo(r.json());
  }

  private static String concrete(String path) {
    return path.replace("{acme-key}", acmeKeyId).replace("{acme-sign-in}", acmeSignIn);
  }

  @Test
  void aSignInHandleOfAnotherTenantIsNotFoundUnderOnesOwnTenant() {
    String own = "/api/v1/tenants/evil/sessions/" + acmeSignIn;
    JsonObject before = snapshotOfAcme();

    assertThat(problem404(api.get(own, evilKey))).isEqualTo(problem404(api.get(own + "x", evilKey)));
    assertThat(problem404(api.delete(own, evilKey)).getString("type")).endsWith("/not-found");

    assertThat(snapshotOfAcme()).isEqualTo(before);
    assertThat(expect(200, api.get(A + "/sessions/" + acmeSignIn, acmeKey)).json().getString("sub"))
        .isEqualTo("alice");
  }

  private static JsonObject problem404(ApiFixture.Response r) {
    assertThat(r.status()).as(r.text()).isEqualTo(404);
    assertThat(r.text()).doesNotContain("acme");
    return r.json();
  }

  @Test
  void endingAUsersSignInsInOneTenantLeavesTheSameUserInAnotherSignedIn() {
    JsonObject before = snapshotOfAcme();

    expect(204, api.delete("/api/v1/tenants/evil/sessions?user=alice", evilKey));

    assertThat(api.sessions.of(api.tenantId("evil"))).isEmpty();
    assertThat(snapshotOfAcme()).isEqualTo(before);
    assertThat(expect(200, api.get(A + "/sessions", acmeKey)).items()).hasSize(1);
  }

  @Test
  void tenantListShowsOnlyTheCallersTenant() {
    JsonArray items = expect(200, api.get("/api/v1/tenants", evilKey)).items();
    assertThat(items).hasSize(1);
    assertThat(items.getJsonObject(0).getString("slug")).isEqualTo("evil");
    assertThat(expect(200, api.get("/api/v1/tenants", OPERATOR)).items()).hasSize(2);
  }

  @Test
  void hostnameConflictAcrossTenantsDoesNotRevealTheOwner() {
    expect(201, api.post(A + "/hostnames", acmeKey, new JsonObject().put("hostname", "shared.example.com")));
    var r = api.post("/api/v1/tenants/evil/hostnames", evilKey, new JsonObject().put("hostname", "Shared.Example.com"));
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json().getString("detail")).isEqualTo("hostname shared.example.com is already registered");
    assertThat(r.text()).doesNotContain("acme");
  }

  @Test
  void keyCannotActOnOtherTenantEvenWhenOperatorRoutesExist() {
    var r = api.post("/api/v1/tenants", evilKey, new JsonObject().put("slug", "third").put("display_name", "T"));
    assertThat(r.status()).isEqualTo(403);
    assertThat(api.count("SELECT count(*) FROM tenants WHERE slug = 'third'")).isZero();
  }

  @Test
  void eachTenantListsOnlyItsOwnSigningKeys() {
    expect(200, api.get("/api/v1/tenants/evil/signing-keys", evilKey));
    expect(200, api.post("/api/v1/tenants/evil/signing-keys/rotate", evilKey, null));
    List<String> acmeKids = kids(expect(200, api.get(A + "/signing-keys", acmeKey)).items());
    List<String> evilKids = kids(expect(200, api.get("/api/v1/tenants/evil/signing-keys", evilKey)).items());
    assertThat(acmeKids).isNotEmpty().doesNotContainAnyElementsOf(evilKids);
    assertThat(evilKids).hasSize(2);
    assertThat(api.count("SELECT count(*) FROM signing_keys k JOIN tenants t ON t.id = k.tenant_id"
        + " WHERE t.slug = 'evil'")).isEqualTo(2);
  }

  private static List<String> kids(JsonArray items) {
    List<String> kids = new ArrayList<>();
    items.forEach(item -> kids.add(((JsonObject) item).getString("kid")));
    return kids;
  }

  /** Everything the operator can read about acme, plus its config version. */
  private static JsonObject snapshotOfAcme() {
    JsonObject s = new JsonObject();
    s.put("tenant", expect(200, api.get(A, OPERATOR)).json());
    for (String c : List.of("hostnames", "idps", "upstreams", "routes", "keys", "signing-keys", "sessions",
        "audit")) {
      s.put(c, expect(200, api.get(A + "/" + c + "?limit=200", OPERATOR)).json());
    }
    List<Object> rows = new ArrayList<>();
    api.rows("SELECT config_version FROM tenants WHERE slug = 'acme'").forEach(r -> rows.add(r.getLong(0)));
    s.put("config_version", new JsonArray(rows));
    return s;
  }
}
