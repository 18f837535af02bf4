package dev.gatehouse.admin;

import dev.gatehouse.core.crypto.SecretBox;
import dev.gatehouse.testkit.TestDatabase;
import dev.gatehouse.core.store.ConfigChange;
import dev.gatehouse.core.store.ConfigChanges;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
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
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real admin API on 127.0.0.1 over a fresh migrated database, with a client and a change listener. */
final class ApiFixture implements AutoCloseable {
  static final String OPERATOR = "operator-token-for-tests";

  final Vertx vertx = Vertx.vertx();
  final Pool pool;
  final SecretBox secrets;
  final BlockingQueue<ConfigChange> changes = new LinkedBlockingQueue<>();
  /** The sign-ins of "this process's gateway" (unused by an API started {@link #withoutGateway()}). */
  final FakeSessionDirectory sessions = new FakeSessionDirectory();
  private final HttpServer server;
  private final ConfigChanges listener;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;

  ApiFixture() {
    this(Optional.empty());
  }

  /** {@code gatewayServiceAccount}: the operator-configured email of the gateway's Google service account. */
  ApiFixture(Optional<String> gatewayServiceAccount) {
    this(gatewayServiceAccount, true);
  }

  /** An admin API of a process that runs no gateway, so it holds no sessions. */
  static ApiFixture withoutGateway() {
    return new ApiFixture(Optional.empty(), false);
  }

  private ApiFixture(Optional<String> gatewayServiceAccount, boolean withGateway) {
    PgConnectOptions options = TestDatabase.connectOptions(TestDatabase.fresh());
    pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(4)).connectingTo(options).using(vertx).build();
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    secrets = new SecretBox(key);
    var apiOptions = new AdminApiOptions(pool, OPERATOR, secrets, Clock.systemUTC())
        .withGatewayServiceAccount(gatewayServiceAccount);
    var router = await(AdminApi.create(vertx, withGateway ? apiOptions.withSessions(sessions) : apiOptions));
    server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    listener = await(ConfigChanges.listen(vertx, options, changes::add));
    base = "http://127.0.0.1:" + server.actualPort();
  }

  record Response(int status, java.net.http.HttpHeaders headers, String text) {
    JsonObject json() {
      return new JsonObject(text);
    }

    JsonArray items() {
      return json().getJsonArray("items");
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  Response call(String method, String path, String token, Object body) {
    return send(method, path, token, body == null ? null : body.toString(), "application/json", null);
  }

  Response send(String method, String path, String token, String body, String contentType, String ifMatch) {
    var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    if (ifMatch != null) {
      builder.header("If-Match", ifMatch);
    }
    if (body != null) {
      builder.header("Content-Type", contentType);
    }
    builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Response get(String path, String token) {
    return call("GET", path, token, null);
  }

  Response post(String path, String token, JsonObject body) {
    return call("POST", path, token, body);
  }

  Response patch(String path, String token, JsonObject body) {
    return call("PATCH", path, token, body);
  }

  Response delete(String path, String token) {
    return call("DELETE", path, token, null);
  }

  /** Creates a tenant as operator and returns its first admin key. */
  String tenant(String slug) {
    Response r = post("/api/v1/tenants", OPERATOR, new JsonObject().put("slug", slug).put("display_name", slug));
    if (r.status() != 201) {
      throw new IllegalStateException("tenant creation failed: " + r.text());
    }
    return r.json().getString("admin_key");
  }

  /** A tenant with a hostname, an IdP, an upstream and a route (all named after it). */
  String populatedTenant(String slug) {
    String key = tenant(slug);
    String t = "/api/v1/tenants/" + slug;
    expect(201, post(t + "/hostnames", key, new JsonObject().put("hostname", "app." + slug + ".test")));
    expect(201, post(t + "/idps", key, new JsonObject().put("name", "corp").put("issuer", "https://login.example.com")
        .put("client_id", "cid-" + slug).put("client_secret", "secret-" + slug)));
    expect(201, post(t + "/upstreams", key, new JsonObject().put("name", "web").put("url", "https://web.run.app")));
    expect(201, post(t + "/routes", key, new JsonObject().put("name", "home").put("from", "https://app." + slug + ".test")
        .put("upstream", "web").put("idp", "corp")));
    return key;
  }

  UUID tenantId(String slug) {
    return rows("SELECT id FROM tenants WHERE slug = $1", slug).get(0).getUUID(0);
  }

  static Response expect(int status, Response r) {
    if (r.status() != status) {
      throw new AssertionError("expected " + status + " but got " + r.status() + ": " + r.text());
    }
    return r;
  }

  List<Row> rows(String sql, Object... params) {
    List<Row> out = new ArrayList<>();
    await(pool.preparedQuery(sql).execute(Tuple.wrap(List.of(params)))).forEach(out::add);
    return out;
  }

  long count(String sql, Object... params) {
    return rows(sql, params).get(0).getLong(0);
  }

  /** Drains the change events received so far (waiting for {@code expected} of them first). */
  List<ConfigChange> takeChanges(int expected) {
    List<ConfigChange> out = new ArrayList<>();
    try {
      for (int i = 0; i < expected; i++) {
        ConfigChange c = changes.poll(30, TimeUnit.SECONDS);
        if (c == null) {
          break;
        }
        out.add(c);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    changes.drainTo(out);
    return out;
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
    await(listener.close());
    await(server.close());
    await(pool.close());
    await(vertx.close());
  }
}
