package dev.gatehouse.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.crypto.SecretBox;
import dev.gatehouse.testkit.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** /readyz waits for the gateway's configuration snapshot as well as the database. */
class ReadinessTest {
  @Test
  void notReadyUntilTheConfigurationIsLoaded() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Pool pool = PgBuilder.pool().connectingTo(TestDatabase.connectOptions(TestDatabase.fresh())).using(vertx).build();
      AtomicBoolean loaded = new AtomicBoolean();
      var options = new AdminApiOptions(pool, "operator", new SecretBox(new byte[32]), Clock.systemUTC(), loaded::get);
      var router = AdminApi.create(vertx, options).await(30, TimeUnit.SECONDS);
      HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
          .await(30, TimeUnit.SECONDS);
      URI readyz = URI.create("http://127.0.0.1:" + server.actualPort() + "/readyz");
      HttpClient http = HttpClient.newHttpClient();

      HttpResponse<String> waiting = http.send(HttpRequest.newBuilder(readyz).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(waiting.statusCode()).isEqualTo(503);
      assertThat(waiting.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(new JsonObject(waiting.body()).getString("detail")).contains("configuration");

      loaded.set(true);
      HttpResponse<String> ready = http.send(HttpRequest.newBuilder(readyz).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(ready.statusCode()).isEqualTo(200);
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
    }
  }
}
