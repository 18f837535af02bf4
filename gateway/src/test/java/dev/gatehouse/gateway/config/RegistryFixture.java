package dev.gatehouse.gateway.config;

import dev.gatehouse.admin.AdminApi;
import dev.gatehouse.admin.AdminApiOptions;
import dev.gatehouse.core.crypto.SecretBox;
import dev.gatehouse.core.store.ConfigStore;
import dev.gatehouse.testkit.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A fresh migrated database, the real admin API on 127.0.0.1 (changes go through it with the operator token, so
 * they send the real NOTIFY), and registries listening to that database.
 */
final class RegistryFixture implements AutoCloseable {
    static final String OPERATOR = "operator-token-for-registry-tests";

    final Vertx vertx = Vertx.vertx();
    final PgConnectOptions database = TestDatabase.connectOptions(TestDatabase.fresh());
    final Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(4)).connectingTo(database).using(vertx)
            .build();
    final ConfigStore store = new ConfigStore(pool, Clock.systemUTC());
    private final List<ListeningConfigRegistry> registries = new ArrayList<>();
    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    RegistryFixture() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        var options = new AdminApiOptions(pool, OPERATOR, new SecretBox(key), Clock.systemUTC());
        var router = await(AdminApi.create(vertx, options));
        server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
        base = "http://127.0.0.1:" + server.actualPort() + "/api/v1";
    }

    /** A registry over the test database, not started yet. */
    ListeningConfigRegistry registry(Duration resyncInterval) {
        var registry = new ListeningConfigRegistry(vertx,
                ConfigRegistryOptions.of(store, database).withResyncInterval(resyncInterval));
        registries.add(registry);
        return registry;
    }

    ListeningConfigRegistry startedRegistry() {
        ListeningConfigRegistry registry = registry(ConfigRegistryOptions.DEFAULT_RESYNC_INTERVAL);
        await(registry.start());
        return registry;
    }

    /** Waits, without polling, until a change makes {@code condition} true (or it already is). */
    static GatewayConfig awaitConfig(ConfigRegistry registry, Duration timeout, Predicate<GatewayConfig> condition) {
        CompletableFuture<GatewayConfig> met = new CompletableFuture<>();
        registry.onTenantChanged(change -> check(registry, condition, met));
        check(registry, condition, met);
        try {
            return met.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("within " + timeout + " the configuration never met the condition; it is "
                    + registry.current() + " " + registry.current().tenants());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(ConfigRegistry registry, Predicate<GatewayConfig> condition,
            CompletableFuture<GatewayConfig> met) {
        GatewayConfig config = registry.current();
        try {
            if (condition.test(config)) {
                met.complete(config);
            }
        } catch (RuntimeException notYet) {
            // the condition reads parts that do not exist yet
        }
    }

    JsonObject post(String path, JsonObject body) {
        return expect(201, "POST", path, body);
    }

    JsonObject patch(String path, JsonObject body) {
        return expect(200, "PATCH", path, body);
    }

    void delete(String path) {
        expect(204, "DELETE", path, null);
    }

    /** A tenant with hostname app.SLUG.test, IdP corp, upstream web and route home (prefix /). */
    void populatedTenant(String slug) {
        post("/tenants", new JsonObject().put("slug", slug).put("display_name", slug));
        String t = "/tenants/" + slug;
        post(t + "/hostnames", new JsonObject().put("hostname", "app." + slug + ".test"));
        post(t + "/idps", new JsonObject().put("name", "corp").put("issuer", "https://login.example.com")
                .put("client_id", "cid-" + slug).put("client_secret", "secret-" + slug));
        post(t + "/upstreams", new JsonObject().put("name", "web").put("url", "https://web-" + slug + ".run.app"));
        post(t + "/routes", new JsonObject().put("name", "home").put("from", "https://app." + slug + ".test")
                .put("upstream", "web").put("idp", "corp"));
    }

    private JsonObject expect(int status, String method, String path, JsonObject body) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + OPERATOR)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.encode()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != status) {
                throw new AssertionError(method + " " + path + ": expected " + status + " but got "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? new JsonObject() : new JsonObject(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs SQL directly: a change that sends no NOTIFY. */
    List<Row> sql(String statement, Object... params) {
        List<Row> rows = new ArrayList<>();
        await(pool.preparedQuery(statement).execute(Tuple.wrap(List.of(params)))).forEach(rows::add);
        return rows;
    }

    long configVersion(String slug) {
        return sql("SELECT config_version FROM tenants WHERE slug = $1", slug).get(0).getLong(0);
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        registries.forEach(r -> await(r.stop()));
        await(server.close());
        await(pool.close());
        await(vertx.close());
    }
}
