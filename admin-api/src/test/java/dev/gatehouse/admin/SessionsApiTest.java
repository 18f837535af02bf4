package dev.gatehouse.admin;

import static dev.gatehouse.admin.ApiFixture.OPERATOR;
import static dev.gatehouse.admin.ApiFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.session.SignIn;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /tenants/{slug}/sessions over a directory fake: listing sign-ins, ending them, and the audit of it. */
class SessionsApiTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final AtomicInteger TENANTS = new AtomicInteger();

  private static ApiFixture api;
  private String slug;
  private String base;
  private String key;
  private UUID tenantId;

  @BeforeAll
  static void start() {
    api = new ApiFixture();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @BeforeEach
  void tenant() {
    slug = "t" + TENANTS.incrementAndGet();
    base = "/api/v1/tenants/" + slug + "/sessions";
    key = api.tenant(slug);
    tenantId = api.tenantId(slug);
  }

  @Test
  void listsOneItemPerSignInNewestFirstWithoutSecrets() {
    String aliceLogin = "alice-login-id-which-is-a-bearer-secret";
    SignIn alice = api.sessions.signIn(tenantId, aliceLogin, "alice", "alice@acme.test", T0,
        "app.acme.test", "docs.acme.test");
    SignIn bob = api.sessions.signIn(tenantId, "bob-login-id", "bob", null, T0.plusSeconds(5), "app.acme.test");

    var r = expect(200, api.get(base, key));

    assertThat(r.json().getValue("next_page_token")).isNull();
    JsonArray items = r.items();
    assertThat(handles(items)).containsExactly(bob.handle(), alice.handle());
    JsonObject first = items.getJsonObject(1);
    assertThat(first).isEqualTo(new JsonObject()
        .put("handle", alice.handle())
        .put("idp", "corp")
        .put("sub", "alice")
        .put("email", "alice@acme.test")
        .put("name", "ALICE")
        .put("groups", new JsonArray().add("staff"))
        .put("created_at", "2026-03-01T10:00:00Z")
        .put("last_seen_at", "2026-03-01T10:01:00Z")
        .put("expires_at", "2026-03-02T10:00:00Z")
        .put("hostnames", new JsonArray().add("app.acme.test").add("docs.acme.test"))
        .put("sessions", 2));
    assertThat(items.getJsonObject(0).getValue("email")).isNull();
    assertThat(r.text()).doesNotContain(aliceLogin, "bob-login-id");
    assertThat(expect(200, api.get(base, OPERATOR)).json()).isEqualTo(r.json());
  }

  @Test
  void filtersByExactSubjectOrEmail() {
    SignIn aliceOnLaptop = api.sessions.signIn(tenantId, "l1", "alice", "alice@acme.test", T0, "app.acme.test");
    SignIn aliceOnPhone = api.sessions.signIn(tenantId, "l2", "alice", "alice@acme.test", T0.plusSeconds(1));
    api.sessions.signIn(tenantId, "l3", "bob", "bob@acme.test", T0.plusSeconds(2));

    assertThat(handles(expect(200, api.get(base + "?user=alice", key)).items()))
        .containsExactly(aliceOnPhone.handle(), aliceOnLaptop.handle());
    assertThat(handles(expect(200, api.get(base + "?user=" + encode("alice@acme.test"), key)).items()))
        .containsExactly(aliceOnPhone.handle(), aliceOnLaptop.handle());
    assertThat(expect(200, api.get(base + "?user=Alice", key)).items()).isEmpty();
    assertThat(expect(200, api.get(base + "?user=ali", key)).items()).isEmpty();
    assertThat(problem(400, api.get(base + "?user=", key)).getJsonArray("errors").getJsonObject(0)
        .getString("pointer")).isEqualTo("#/query/user");
  }

  @Test
  void pagesLikeTheOtherLists() {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      expected.add(0, api.sessions.signIn(tenantId, "login-" + i, "user" + i, null, T0.plusSeconds(i)).handle());
    }

    List<String> seen = new ArrayList<>();
    String token = null;
    do {
      var page = expect(200, api.get(base + "?limit=2" + (token == null ? "" : "&page_token=" + token), key));
      assertThat(page.items().size()).isLessThanOrEqualTo(2);
      seen.addAll(handles(page.items()));
      token = page.json().getString("next_page_token");
    } while (token != null);

    assertThat(seen).containsExactlyElementsOf(expected);
    assertThat(problem(400, api.get(base + "?limit=0", key)).getString("detail")).contains("#/query/limit");
    assertThat(problem(400, api.get(base + "?page_token=bm90LWEtY3Vyc29y", key)).getString("detail"))
        .isEqualTo("#/query/page_token is not a valid page token");
  }

  @Test
  void oneSignInByHandleIsWhatTheListShows() {
    SignIn alice = api.sessions.signIn(tenantId, "alice-login-secret", "alice", "alice@acme.test", T0,
        "app.acme.test");
    api.sessions.signIn(tenantId, "bob-login", "bob", "bob@acme.test", T0.plusSeconds(1));
    JsonObject listed = expect(200, api.get(base + "?user=alice", key)).items().getJsonObject(0);

    var r = expect(200, api.get(base + "/" + alice.handle(), key));

    assertThat(r.json()).isEqualTo(listed);
    assertThat(r.text()).doesNotContain("alice-login-secret");
    assertThat(expect(200, api.get(base + "/" + alice.handle(), OPERATOR)).json()).isEqualTo(listed);
    assertThat(problem(404, api.get(base + "/AAAAAAAAAAAAAAAAAAAAAA", key)).getString("type")).endsWith("/not-found");
    assertThat(problem(404, api.get(base + "/not-a-handle", key)).getString("detail")).isEqualTo("no such resource");
    expect(204, api.delete(base + "/" + alice.handle(), key));
    problem(404, api.get(base + "/" + alice.handle(), key));
  }

  @Test
  void revokingAHandleEndsThatSignInOnlyAndIsAudited() {
    SignIn alice = api.sessions.signIn(tenantId, "alice-login", "alice", "alice@acme.test", T0, "app.acme.test");
    SignIn bob = api.sessions.signIn(tenantId, "bob-login", "bob", "bob@acme.test", T0);

    var r = api.delete(base + "/" + alice.handle(), key);

    assertThat(r.status()).isEqualTo(204);
    assertThat(r.text()).isEmpty();
    assertThat(api.sessions.of(tenantId)).containsExactly(bob);
    JsonObject audit = expect(200, api.get("/api/v1/tenants/" + slug + "/audit", OPERATOR)).items().getJsonObject(0);
    assertThat(audit.getString("actor")).startsWith("key:ghk_");
    assertThat(audit.getString("action")).isEqualTo("revoke");
    assertThat(audit.getString("resource_type")).isEqualTo("session");
    assertThat(audit.getString("resource_name")).isEqualTo(alice.handle());
    assertThat(audit.getJsonObject("before")).isEqualTo(new JsonObject().put("handle", alice.handle())
        .put("idp", "corp").put("sub", "alice").put("email", "alice@acme.test")
        .put("created_at", "2026-03-01T10:00:00Z").put("hostnames", new JsonArray().add("app.acme.test"))
        .put("sessions", 1));
    assertThat(audit.getValue("after")).isNull();
    assertThat(audit.encode()).doesNotContain("alice-login");

    long audited = auditCount();
    assertThat(problem(404, api.delete(base + "/" + alice.handle(), key)).getString("type"))
        .isEqualTo("https://gatehouse.dev/problems/not-found");
    assertThat(problem(404, api.delete(base + "/not-a-handle", key)).getString("detail")).isEqualTo("no such resource");
    assertThat(api.sessions.of(tenantId)).containsExactly(bob);
    assertThat(auditCount()).isEqualTo(audited);
  }

  @Test
  void revokingAUserEndsAllOfTheirSignInsAndNothingElse() {
    SignIn first = api.sessions.signIn(tenantId, "a1", "alice", "alice@acme.test", T0);
    SignIn second = api.sessions.signIn(tenantId, "a2", "alice", "alice@acme.test", T0.plusSeconds(1));
    SignIn bob = api.sessions.signIn(tenantId, "b1", "bob", "bob@acme.test", T0);

    assertThat(api.delete(base + "?user=" + encode("alice@acme.test"), OPERATOR).status()).isEqualTo(204);

    assertThat(api.sessions.of(tenantId)).containsExactly(bob);
    JsonArray audit = expect(200, api.get("/api/v1/tenants/" + slug + "/audit", OPERATOR)).items();
    List<String> revoked = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      JsonObject entry = audit.getJsonObject(i);
      assertThat(entry.getString("actor")).isEqualTo("operator");
      assertThat(entry.getString("action") + " " + entry.getString("resource_type")).isEqualTo("revoke session");
      revoked.add(entry.getString("resource_name"));
    }
    assertThat(revoked).containsExactlyInAnyOrder(first.handle(), second.handle());

    long audited = auditCount();
    assertThat(api.delete(base + "?user=nobody", key).status()).as("no sign-ins to end").isEqualTo(204);
    assertThat(auditCount()).isEqualTo(audited);
  }

  @Test
  void revokingEveryoneAtOnceIsRefused() {
    SignIn alice = api.sessions.signIn(tenantId, "a1", "alice", null, T0);

    JsonObject problem = problem(400, api.delete(base, key));

    assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("pointer")).isEqualTo("#/query/user");
    assertThat(api.sessions.of(tenantId)).containsExactly(alice);
    problem(400, api.delete(base + "?user=", key));
    assertThat(api.sessions.of(tenantId)).containsExactly(alice);
  }

  @Test
  void aProcessWithoutAGatewayAnswers503ThatExplainsWhere() {
    try (ApiFixture adminOnly = ApiFixture.withoutGateway()) {
      String adminKey = adminOnly.tenant("acme");
      String sessions = "/api/v1/tenants/acme/sessions";
      for (var r : List.of(adminOnly.get(sessions, adminKey), adminOnly.get(sessions + "?user=alice", OPERATOR),
          adminOnly.delete(sessions + "?user=alice", adminKey),
          adminOnly.get(sessions + "/AAAAAAAAAAAAAAAAAAAAAA", adminKey),
          adminOnly.delete(sessions + "/AAAAAAAAAAAAAAAAAAAAAA", adminKey))) {
        JsonObject problem = problem(503, r);
        assertThat(problem.getString("type")).isEqualTo("https://gatehouse.dev/problems/unavailable");
        assertThat(problem.getString("detail")).contains("held in the memory of the gateway nodes")
            .contains("--role all");
      }
      assertThat(problem(404, adminOnly.get("/api/v1/tenants/absent/sessions", adminKey)).getString("type"))
          .as("another tenant is still simply not found").endsWith("/not-found");
      assertThat(adminOnly.count("SELECT count(*) FROM audit WHERE resource_type = 'session'")).isZero();
    }
  }

  private long auditCount() {
    return api.count("SELECT count(*) FROM audit a JOIN tenants t ON t.id = a.tenant_id WHERE t.slug = $1", slug);
  }

  private static JsonObject problem(int status, ApiFixture.Response r) {
    assertThat(r.status()).as(r.text()).isEqualTo(status);
    assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
    return r.json();
  }

  private static List<String> handles(JsonArray items) {
    List<String> handles = new ArrayList<>();
    items.forEach(item -> handles.add(((JsonObject) item).getString("handle")));
    return handles;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
