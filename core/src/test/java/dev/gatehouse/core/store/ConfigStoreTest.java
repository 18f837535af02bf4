package dev.gatehouse.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.config.HeaderRules;
import dev.gatehouse.core.config.Idp;
import dev.gatehouse.core.config.ResourceMeta;
import dev.gatehouse.core.config.Route;
import dev.gatehouse.core.config.RouteFrom;
import dev.gatehouse.core.config.RouteMatch;
import dev.gatehouse.core.config.RouteOptions;
import dev.gatehouse.core.config.ServerlessAuth;
import dev.gatehouse.core.config.ServerlessHeader;
import dev.gatehouse.core.config.Tenant;
import dev.gatehouse.core.config.Upstream;
import io.vertx.core.Future;
import dev.gatehouse.testkit.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConfigStoreTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00.123456Z");

  private Vertx vertx;
  private Pool pool;
  private ConfigStore store;
  private ConfigChanges listener;
  private final BlockingQueue<ConfigChange> events = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() throws Exception {
    PgConnectOptions options = TestDatabase.connectOptions(TestDatabase.fresh());
    vertx = Vertx.vertx();
    pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(4)).connectingTo(options).using(vertx).build();
    store = new ConfigStore(pool, Clock.fixed(NOW, ZoneOffset.UTC));
    listener = await(ConfigChanges.listen(vertx, options, events::add));
  }

  @AfterEach
  void stop() throws Exception {
    await(listener.close());
    await(pool.close());
    await(vertx.close());
  }

  @Test
  void committedChangeBumpsVersionAuditsAndNotifiesOnce() throws Exception {
    Tenant acme = createTenant("acme");

    assertThat(events.poll(30, TimeUnit.SECONDS)).isEqualTo(new ConfigChange("acme", 1));
    Tenant stored = await(store.read(c -> TenantRows.bySlug(c, "acme", false))).orElseThrow();
    assertThat(stored).isEqualTo(new Tenant(acme.id(), "acme", "Acme", null, null, false, 1, 1, NOW, NOW));
    var audit = await(store.read(c -> AuditRows.list(c, acme.id(), PageRequest.first(10))));
    assertThat(audit.items()).singleElement().satisfies(a -> {
      assertThat(a.actor()).isEqualTo("operator");
      assertThat(a.action()).isEqualTo("create");
      assertThat(a.resourceType()).isEqualTo("tenant");
      assertThat(a.after()).isEqualTo(new JsonObject().put("slug", "acme"));
      assertThat(a.before()).isNull();
    });

    await(store.change("key:ghk_abc", c -> HostnameRows.insert(c, acme.id(), "app.acme.test", store.now())
        .map(h -> new Changed<>(acme.id(), h, AuditEntry.create("hostname", h.hostname(), null)))));
    assertThat(events.poll(30, TimeUnit.SECONDS)).isEqualTo(new ConfigChange("acme", 2));
  }

  @Test
  void failedChangeLeavesNoTraceAndSendsNothing() throws Exception {
    Tenant acme = createTenant("acme");
    assertThat(events.poll(30, TimeUnit.SECONDS)).isEqualTo(new ConfigChange("acme", 1));

    assertThatThrownBy(() -> await(store.change("operator", c -> HostnameRows.insert(c, acme.id(), "a.acme.test",
            store.now())
        .compose(h -> Future.<Changed<Object>>failedFuture(new IllegalArgumentException("refused"))))))
        .hasRootCauseInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> createTenant("acme"))
        .hasRootCauseInstanceOf(StoreConflict.class);

    await(store.change("operator", c -> HostnameRows.insert(c, acme.id(), "b.acme.test", store.now())
        .map(h -> new Changed<>(acme.id(), h, AuditEntry.create("hostname", h.hostname(), null)))));
    // The next event is the successful change, one version later: the failed ones sent nothing.
    assertThat(events.poll(30, TimeUnit.SECONDS)).isEqualTo(new ConfigChange("acme", 2));
    List<dev.gatehouse.core.config.Hostname> hostnames = await(store.read(c -> HostnameRows.all(c, acme.id())));
    assertThat(hostnames).extracting(h -> h.hostname()).containsExactly("b.acme.test");
    assertThat(await(store.read(c -> AuditRows.list(c, acme.id(), PageRequest.first(10)))).items()).hasSize(2);
  }

  @Test
  void auditOnlyRecordsWithoutAVersionBumpOrEvent() throws Exception {
    Tenant acme = createTenant("acme");
    assertThat(events.poll(30, TimeUnit.SECONDS)).isEqualTo(new ConfigChange("acme", 1));

    await(store.audit(acme.id(), "key:ghk_abc", List.of(
        new AuditEntry("revoke", "session", "handle-one", new JsonObject().put("sub", "alice"), null),
        new AuditEntry("revoke", "session", "handle-two", new JsonObject().put("sub", "alice"), null))));

    var audit = await(store.read(c -> AuditRows.list(c, acme.id(), PageRequest.first(10)))).items();
    assertThat(audit).extracting(a -> a.action() + " " + a.resourceType() + " " + a.resourceName() + " " + a.actor())
        .containsExactly("revoke session handle-two key:ghk_abc", "revoke session handle-one key:ghk_abc",
            "create tenant acme operator");
    assertThat(await(store.read(c -> TenantRows.bySlug(c, "acme", false))).orElseThrow().configVersion())
        .isEqualTo(1);
    change(acme, c -> HostnameRows.insert(c, acme.id(), "app.acme.test", NOW));
    assertThat(events.poll(30, TimeUnit.SECONDS)).as("the next event is the next config change")
        .isEqualTo(new ConfigChange("acme", 2));
  }

  @Test
  void duplicateNameIsAConflictNamingTheConstraint() throws Exception {
    Tenant acme = createTenant("acme");
    Upstream web = upstream(acme.id(), "web");
    change(acme, c -> UpstreamRows.insert(c, web, NOW));
    assertThatThrownBy(() -> change(acme, c -> UpstreamRows.insert(c, web, NOW)))
        .rootCause().isInstanceOfSatisfying(StoreConflict.class, e -> {
          assertThat(e.kind()).isEqualTo(StoreConflict.Kind.UNIQUE);
          assertThat(e.constraint()).isEqualTo("upstreams_tenant_name_key");
        });
  }

  @Test
  void loadsAWholeTenantAndRefusesDeletingReferencedRows() throws Exception {
    Tenant acme = createTenant("acme");
    change(acme, c -> HostnameRows.insert(c, acme.id(), "app.acme.test", NOW));
    Upstream web = change(acme, c -> UpstreamRows.insert(c, upstream(acme.id(), "web"), NOW));
    Idp idp = change(acme, c -> IdpRows.insert(c, new Idp(ResourceMeta.draft(acme.id()), "corp",
        "https://login.example.com", "client", new byte[] {1, 2, 3}, Idp.DEFAULT_SCOPES, "groups"), NOW));
    JsonArray policy = new JsonArray().add(new JsonObject().put("allow",
        new JsonObject().put("or", new JsonArray().add(new JsonObject().put("email",
            new JsonObject().put("is", "a@example.com"))))));
    Route route = change(acme, c -> RouteRows.insert(c, new Route(ResourceMeta.draft(acme.id()), "home",
        new RouteFrom("https", "app.acme.test"), new RouteMatch(RouteMatch.Kind.PREFIX, "/app"), "web", "corp",
        policy, new RouteOptions(true, false, false, false, true),
        new HeaderRules(Map.of("X-Env", "prod"), List.of("Cookie")), "5s"), NOW));

    var config = await(store.loadTenant("acme")).orElseThrow();
    assertThat(config.tenant().configVersion()).isEqualTo(5);
    assertThat(config.upstreams()).containsExactly(web);
    assertThat(config.idps()).containsExactly(idp);
    assertThat(config.routes()).containsExactly(route);
    assertThat(config.routes().get(0).policy()).isEqualTo(policy);
    assertThat(config.effectiveAuthenticateHostname()).isEqualTo("app.acme.test");
    assertThat(await(store.loadTenant("nobody"))).isEmpty();

    assertThatThrownBy(() -> change(acme, c -> UpstreamRows.delete(c, web.meta().id())))
        .rootCause().isInstanceOfSatisfying(StoreConflict.class,
            e -> assertThat(e.kind()).isEqualTo(StoreConflict.Kind.REFERENCE));
    List<String> referrers =
        await(store.read(c -> RouteRows.referencing(c, acme.id(), RouteRows.Reference.UPSTREAM, "web")));
    assertThat(referrers).containsExactly("home");

    Tenant beta = createTenant("beta");
    change(beta, c -> HostnameRows.insert(c, beta.id(), "beta.test", NOW));
    List<dev.gatehouse.core.config.TenantConfig> all = await(store.loadAll());
    assertThat(all).extracting(c -> c.tenant().slug()).containsExactly("acme", "beta");
    assertThat(all.get(0)).isEqualTo(await(store.loadTenant("acme")).orElseThrow());
    assertThat(all.get(1).hostnames()).extracting(h -> h.hostname()).containsExactly("beta.test");
    assertThat(all.get(1).routes()).isEmpty();

    await(store.deleteTenant(acme.id(), c -> Future.succeededFuture()));
    assertThat(await(store.loadTenant("acme"))).isEmpty();
    assertThat(await(pool.query("SELECT count(*) FROM routes").execute()).iterator().next().getLong(0)).isZero();
  }

  @Test
  void pagesInNameOrder() throws Exception {
    Tenant acme = createTenant("acme");
    for (String name : List.of("c", "a", "d", "b", "e")) {
      change(acme, c -> UpstreamRows.insert(c, upstream(acme.id(), name), NOW));
    }
    var first = await(store.read(c -> UpstreamRows.list(c, acme.id(), PageRequest.first(2))));
    var second = await(store.read(c -> UpstreamRows.list(c, acme.id(), new PageRequest(2, first.next()))));
    var third = await(store.read(c -> UpstreamRows.list(c, acme.id(), new PageRequest(2, second.next()))));
    assertThat(first.items()).extracting(Upstream::name).containsExactly("a", "b");
    assertThat(second.items()).extracting(Upstream::name).containsExactly("c", "d");
    assertThat(third.items()).extracting(Upstream::name).containsExactly("e");
    assertThat(third.next()).isNull();
  }

  private Tenant createTenant(String slug) throws Exception {
    Tenant draft = new Tenant(UUID.randomUUID(), slug, "Acme", null, null, false, 0, 1, NOW, NOW);
    return await(store.change("operator", c -> TenantRows.insert(c, draft)
        .map(t -> new Changed<>(t.id(), t, AuditEntry.create("tenant", slug, new JsonObject().put("slug", slug))))));
  }

  private <T> T change(Tenant tenant, java.util.function.Function<io.vertx.sqlclient.SqlConnection, Future<T>> work)
      throws Exception {
    return await(store.change("operator", c -> work.apply(c)
        .map(r -> new Changed<>(tenant.id(), r, AuditEntry.create("upstream", "x", null)))));
  }

  private static Upstream upstream(UUID tenantId, String name) {
    return new Upstream(ResourceMeta.draft(tenantId), name, "https://" + name + ".run.app",
        new ServerlessAuth(true, null, ServerlessHeader.AUTHORIZATION, null), "10s", "30s");
  }

  static <T> T await(Future<T> future) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e;
    }
  }
}
