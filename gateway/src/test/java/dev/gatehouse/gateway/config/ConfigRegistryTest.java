package dev.gatehouse.gateway.config;

import static dev.gatehouse.gateway.config.RegistryFixture.await;
import static dev.gatehouse.gateway.config.RegistryFixture.awaitConfig;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.policy.PolicyInput;
import dev.gatehouse.core.policy.Principal;
import dev.gatehouse.core.policy.RequestFacts;
import dev.gatehouse.core.store.ConfigChange;
import dev.gatehouse.core.store.ConfigStore;
import dev.gatehouse.gateway.routing.CompiledRoute;
import dev.gatehouse.testkit.ClosedPort;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registry against real PostgreSQL, changed through the real admin API. */
class ConfigRegistryTest {
    /** How long a change may take to reach the registry: generous, as a loaded machine can be slow to deliver. */
    private static final Duration CHANGE_DEADLINE = Duration.ofSeconds(30);

    private RegistryFixture fixture;

    @BeforeEach
    void start() {
        fixture = new RegistryFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void servesNothingUntilStartedThenEveryTenantThatExists() {
        fixture.populatedTenant("acme");
        ListeningConfigRegistry registry = fixture.registry(ConfigRegistryOptions.DEFAULT_RESYNC_INTERVAL);
        assertThat(registry.isLoaded()).isFalse();
        assertThat(registry.lookup("app.acme.test")).isEmpty();

        await(registry.start());
        assertThat(registry.isLoaded()).isTrue();
        TenantHost host = registry.lookup("APP.acme.test:8080").orElseThrow();
        assertThat(host.tenant().slug()).isEqualTo("acme");
        assertThat(host.tenant().configVersion()).isEqualTo(fixture.configVersion("acme"));
        assertThat(host.resolve("/anything").orElseThrow().name()).isEqualTo("home");
        assertThat(registry.lookup("app.other.test")).isEmpty();
    }

    @Test
    void aRouteCreatedThroughTheAdminApiIsServedOnItsChangeEvent() {
        ListeningConfigRegistry registry = fixture.startedRegistry();
        assertThat(registry.current().tenants()).isEmpty();
        LinkedBlockingQueue<TenantChange> changes = new LinkedBlockingQueue<>();
        registry.onTenantChanged(changes::add);

        fixture.populatedTenant("acme");
        GatewayConfig config = awaitConfig(registry, CHANGE_DEADLINE,
                c -> route(c, "app.acme.test", "/x").isPresent());

        CompiledRoute home = route(config, "app.acme.test", "/x").orElseThrow();
        assertThat(home.name()).isEqualTo("home");
        assertThat(home.upstream().url()).isEqualTo("https://web-acme.run.app");
        assertThat(home.idp().name()).isEqualTo("corp");
        assertThat(home.idp().clientId()).isEqualTo("cid-acme");
        assertThat(config.tenant("acme").orElseThrow().authenticateHostname()).isEqualTo("app.acme.test");
        assertThat(changes).isNotEmpty();
        assertThat(changes.peek().added()).isTrue();
    }

    @Test
    void updatingARouteSwapsInANewSnapshotAndTellsTheListeners() throws Exception {
        fixture.populatedTenant("acme");
        ListeningConfigRegistry registry = fixture.startedRegistry();
        TenantSnapshot before = registry.current().tenant("acme").orElseThrow();
        LinkedBlockingQueue<TenantChange> changes = new LinkedBlockingQueue<>();
        registry.onTenantChanged(changes::add);

        JsonArray aliceOnly = new JsonArray().add(new JsonObject().put("allow", new JsonObject().put("or",
                new JsonArray().add(new JsonObject().put("email", new JsonObject().put("is", "alice@acme.test"))))));
        fixture.patch("/tenants/acme/routes/home", new JsonObject().put("path", "/only").put("policy", aliceOnly));
        GatewayConfig config = awaitConfig(registry, CHANGE_DEADLINE,
                c -> route(c, "app.acme.test", "/x").isEmpty());

        TenantSnapshot after = config.tenant("acme").orElseThrow();
        assertThat(after).isNotSameAs(before);
        assertThat(after.configVersion()).isEqualTo(before.configVersion() + 1);
        CompiledRoute only = route(config, "app.acme.test", "/only").orElseThrow();
        assertThat(only.policy().evaluate(input("alice@acme.test")).allowed()).isTrue();
        assertThat(only.policy().evaluate(input("mallory@acme.test")).allowed()).isFalse();
        assertThat(before.host("app.acme.test").orElseThrow().resolve("/x")).as("old snapshots never change")
                .isPresent();

        TenantChange change = changes.take();
        assertThat(change.slug()).isEqualTo("acme");
        assertThat(change.before()).isSameAs(before);
        assertThat(change.after()).isSameAs(after);
    }

    @Test
    void deletingARouteThenItsHostnameThenTheTenantTakesEachAway() {
        fixture.populatedTenant("acme");
        ListeningConfigRegistry registry = fixture.startedRegistry();
        LinkedBlockingQueue<TenantChange> changes = new LinkedBlockingQueue<>();
        registry.onTenantChanged(changes::add);

        fixture.delete("/tenants/acme/routes/home");
        awaitConfig(registry, CHANGE_DEADLINE, c -> route(c, "app.acme.test", "/x").isEmpty());
        assertThat(registry.lookup("app.acme.test")).isPresent();

        fixture.delete("/tenants/acme/hostnames/app.acme.test");
        awaitConfig(registry, CHANGE_DEADLINE, c -> c.lookup("app.acme.test").isEmpty());
        assertThat(registry.current().tenant("acme")).isPresent();

        fixture.delete("/tenants/acme");
        GatewayConfig config = awaitConfig(registry, CHANGE_DEADLINE, c -> c.tenant("acme").isEmpty());
        assertThat(config.tenants()).isEmpty();
        assertThat(changes).last().satisfies(last -> {
            assertThat(last.removed()).isTrue();
            assertThat(last.before().slug()).isEqualTo("acme");
        });
    }

    @Test
    void aHostnameMovedToAnotherTenantResolvesToItsNewOwner() {
        fixture.populatedTenant("acme");
        fixture.populatedTenant("beta");
        fixture.post("/tenants/acme/hostnames", new JsonObject().put("hostname", "shared.example.test"));
        fixture.post("/tenants/acme/routes", new JsonObject().put("name", "shared")
                .put("from", "https://shared.example.test").put("upstream", "web").put("idp", "corp"));
        ListeningConfigRegistry registry = fixture.startedRegistry();
        assertThat(route(registry.current(), "shared.example.test", "/").orElseThrow().upstream().url())
                .isEqualTo("https://web-acme.run.app");

        fixture.delete("/tenants/acme/routes/shared");
        fixture.delete("/tenants/acme/hostnames/shared.example.test");
        fixture.post("/tenants/beta/hostnames", new JsonObject().put("hostname", "shared.example.test"));
        fixture.post("/tenants/beta/routes", new JsonObject().put("name", "shared")
                .put("from", "https://shared.example.test").put("upstream", "web").put("idp", "corp"));

        GatewayConfig config = awaitConfig(registry, CHANGE_DEADLINE,
                c -> route(c, "shared.example.test", "/").orElseThrow().upstream().url().contains("beta"));
        assertThat(config.lookup("shared.example.test").orElseThrow().tenant().slug()).isEqualTo("beta");
        assertThat(config.tenant("acme").orElseThrow().hostnames()).containsExactly("app.acme.test");
        assertThat(config.tenant("beta").orElseThrow().hostnames())
                .containsExactly("app.beta.test", "shared.example.test");
        assertThat(config.lookup("app.acme.test").orElseThrow().tenant().slug()).isEqualTo("acme");
    }

    @Test
    void aBurstOfChangesEndsAtTheLatestVersion() {
        fixture.populatedTenant("acme");
        ListeningConfigRegistry registry = fixture.startedRegistry();
        for (int i = 1; i <= 15; i++) {
            fixture.patch("/tenants/acme/upstreams/web", new JsonObject().put("timeout", i + "s"));
        }
        long latest = fixture.configVersion("acme");
        GatewayConfig config = awaitConfig(registry, CHANGE_DEADLINE,
                c -> c.tenant("acme").orElseThrow().configVersion() == latest);
        assertThat(config.tenant("acme").orElseThrow().upstream("web").orElseThrow().timeout()).isEqualTo("15s");
    }

    @Test
    void aMissedNotificationIsRecoveredByAResync() {
        fixture.populatedTenant("acme");
        ListeningConfigRegistry registry = fixture.startedRegistry();
        renameWithoutNotifying("acme", "Renamed quietly");
        assertThat(displayName(registry)).isEqualTo("acme");

        await(registry.resync());
        assertThat(displayName(registry)).isEqualTo("Renamed quietly");
        assertThat(registry.current().tenant("acme").orElseThrow().configVersion())
                .isEqualTo(fixture.configVersion("acme"));
    }

    @Test
    void thePeriodicResyncRecoversAMissedNotificationOnItsOwn() {
        fixture.populatedTenant("acme");
        ListeningConfigRegistry registry = fixture.registry(Duration.ofMillis(200));
        await(registry.start());
        renameWithoutNotifying("acme", "Renamed quietly");
        awaitConfig(registry, CHANGE_DEADLINE,
                c -> c.tenant("acme").orElseThrow().tenant().displayName().equals("Renamed quietly"));
    }

    @Test
    void aResyncRemovesTenantsDeletedWhileNobodyListened() {
        fixture.populatedTenant("acme");
        fixture.populatedTenant("beta");
        ListeningConfigRegistry registry = fixture.startedRegistry();
        TenantSnapshot beta = registry.current().tenant("beta").orElseThrow();
        fixture.sql("DELETE FROM routes WHERE tenant_id = (SELECT id FROM tenants WHERE slug = 'acme')");
        fixture.sql("DELETE FROM tenants WHERE slug = 'acme'");

        await(registry.resync());
        assertThat(registry.current().tenant("acme")).isEmpty();
        assertThat(registry.lookup("app.acme.test")).isEmpty();
        assertThat(registry.current().tenant("beta")).as("unchanged tenants keep their snapshot").containsSame(beta);
    }

    @Test
    void aReconnectedListenerTriggersAResync() {
        fixture.populatedTenant("acme");
        ListeningConfigRegistry registry = fixture.startedRegistry();
        renameWithoutNotifying("acme", "Renamed while disconnected");
        long killed = fixture.sql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                + " WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()").get(0).getLong(0);
        assertThat(killed).isEqualTo(1);
        // The listener reconnects after about a second, then reloads everything.
        awaitConfig(registry, CHANGE_DEADLINE,
                c -> c.tenant("acme").orElseThrow().tenant().displayName().equals("Renamed while disconnected"));
    }

    @Test
    void eventsNoNewerThanTheServedSnapshotAreIgnored() {
        fixture.populatedTenant("acme");
        ListeningConfigRegistry registry = fixture.startedRegistry();
        long served = registry.current().tenant("acme").orElseThrow().configVersion();
        renameWithoutNotifying("acme", "Renamed quietly");

        await(registry.changed(new ConfigChange("acme", served)));
        await(registry.changed(new ConfigChange("acme", served - 3)));
        assertThat(displayName(registry)).as("a stale event loads nothing").isEqualTo("acme");

        await(registry.changed(new ConfigChange("acme", served + 1)));
        assertThat(displayName(registry)).isEqualTo("Renamed quietly");
        assertThat(registry.current().tenant("acme").orElseThrow().configVersion()).isEqualTo(served + 1);
    }

    @Test
    void anEventForATenantThatNeverExistedChangesNothing() {
        fixture.populatedTenant("acme");
        ListeningConfigRegistry registry = fixture.startedRegistry();
        GatewayConfig before = registry.current();
        await(registry.changed(new ConfigChange("ghost", 1)));
        assertThat(registry.current()).isSameAs(before);
    }

    @Test
    void startsOnlyOnce() {
        ListeningConfigRegistry registry = fixture.startedRegistry();
        assertThat(registry.start().toCompletionStage().toCompletableFuture())
                .failsWithin(Duration.ofSeconds(30))
                .withThrowableOfType(ExecutionException.class)
                .withMessageContaining("already started");
        fixture.populatedTenant("acme");
        awaitConfig(registry, CHANGE_DEADLINE, c -> c.tenant("acme").isPresent());
    }

    @Test
    void anUnreachableDatabaseFailsTheStartAndLeavesItUnloaded() throws Exception {
        try (ClosedPort closed = ClosedPort.reserve()) {
            PgConnectOptions nowhere = new PgConnectOptions(fixture.database).setHost("127.0.0.1")
                    .setPort(closed.port());
            ListeningConfigRegistry registry = new ListeningConfigRegistry(fixture.vertx,
                    ConfigRegistryOptions.of(new ConfigStore(PgBuilder.pool().connectingTo(nowhere)
                            .using(fixture.vertx).build(), Clock.systemUTC()), nowhere));
            assertThat(registry.start().toCompletionStage().toCompletableFuture())
                    .failsWithin(Duration.ofSeconds(30));
            assertThat(registry.isLoaded()).isFalse();
            assertThat(registry.current()).isSameAs(GatewayConfig.EMPTY);
        }
    }

    private void renameWithoutNotifying(String slug, String displayName) {
        fixture.sql("UPDATE tenants SET display_name = $1, config_version = config_version + 1 WHERE slug = $2",
                displayName, slug);
    }

    private static String displayName(ConfigRegistry registry) {
        return registry.current().tenant("acme").orElseThrow().tenant().displayName();
    }

    private static Optional<CompiledRoute> route(GatewayConfig config, String host, String path) {
        return config.lookup(host).flatMap(h -> h.resolve(path));
    }

    private static PolicyInput input(String email) {
        return new PolicyInput(new Principal("sub-" + email, email, List.of(), Map.of()),
                new RequestFacts("GET", "/only", null, Instant.EPOCH, false));
    }
}
