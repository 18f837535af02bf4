package dev.gatehouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.migrations.DatabaseCoordinates;
import dev.gatehouse.testkit.ClosedPort;
import dev.gatehouse.testkit.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatehouseTest {
    private static final String OPERATOR_TOKEN = "operator-token-of-the-test-0123456789";
    private static Vertx clientVertx;
    private static WebClient client;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void client() {
        clientVertx = Vertx.vertx();
        client = WebClient.create(clientVertx);
    }

    @AfterAll
    static void closeClient() throws Exception {
        clientVertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private Settings settings() {
        return Settings.defaults(dataDir).withListeners(l -> l.withPorts(0, 0).withBind("127.0.0.1"));
    }

    private Settings settings(Role role) {
        return settings().withOperator(o -> o.withRole(role));
    }

    private static Settings withDatabase(Settings settings, String databaseUrl) {
        return settings.withStorage(storage -> storage.withDatabaseUrl(databaseUrl));
    }

    /**
     * A fresh database of the shared test PostgreSQL, for tests about something other than the embedded one:
     * starting an embedded PostgreSQL takes seconds, and the tests named after it cover it.
     */
    private static Settings withTestDatabase(Settings settings) {
        return withDatabase(settings, freshDatabaseUrl());
    }

    @Test
    void servesProbesAndAnUnknownHostPageThenStopsTheEmbeddedDatabase() throws Exception {
        List<String> stdout = new ArrayList<>();
        Gatehouse gatehouse = Gatehouse.start(settings(), stdout::add, Clock.systemUTC());
        try {
            int admin = gatehouse.adminPort().orElseThrow();
            int gateway = gatehouse.gatewayPort().orElseThrow();
            assertThat(gatehouse.readyLine()).isEqualTo(
                    "gatehouse ready gateway=http://127.0.0.1:" + gateway + " admin=http://127.0.0.1:" + admin);
            assertThat(postmasterPids()).isNotEmpty();

            HttpResponse<Buffer> healthz = get(admin, "/healthz", "127.0.0.1");
            assertThat(healthz.statusCode()).isEqualTo(200);
            assertThat(healthz.bodyAsJsonObject().getString("status")).isEqualTo("ok");
            HttpResponse<Buffer> readyz = get(admin, "/readyz", "127.0.0.1");
            assertThat(readyz.statusCode()).isEqualTo(200);
            assertThat(readyz.bodyAsJsonObject().getString("status")).isEqualTo("ready");

            String token = Files.readString(dataDir.resolve("operator-token")).trim();
            assertThat(post(admin, "/api/v1/tenants", token,
                    new JsonObject().put("slug", "acme").put("display_name", "Acme Corp")).statusCode())
                    .isEqualTo(201);
            assertThat(post(admin, "/api/v1/tenants/acme/hostnames", token,
                    new JsonObject().put("hostname", "app.acme.example")).statusCode()).isEqualTo(201);
            assertThat(post(admin, "/api/v1/tenants", "not-the-operator-token",
                    new JsonObject().put("slug", "evil").put("display_name", "Evil")).statusCode()).isEqualTo(401);

            HttpResponse<Buffer> unknown = get(gateway, "/some/page?x=1", "unknown.example");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.bodyAsJsonObject().getString("error")).isEqualTo("no_route");
            assertThat(unknown.bodyAsString()).doesNotContain("acme", "Acme", "unknown.example");
            assertThat(unknown.getHeader("Content-Type")).startsWith("application/json");
            HttpResponse<Buffer> noRouteYet = get(gateway, "/some/page?x=1", "app.acme.example");
            assertThat(noRouteYet.statusCode()).as("a tenant host without routes").isEqualTo(404);
            assertThat(noRouteYet.bodyAsString()).isEqualTo(unknown.bodyAsString()
                    .replace(unknown.getHeader("X-Request-Id"), noRouteYet.getHeader("X-Request-Id")));
            assertThat(get(gateway, "/healthz", "127.0.0.1").statusCode()).isEqualTo(200);
        } finally {
            assertThat(gatehouse.stop()).isTrue();
        }
        assertThat(postmasterPids()).isEmpty();
        assertThat(stdout).singleElement().asString()
                .startsWith("gatehouse operator token (saved to " + dataDir.resolve("operator-token") + "): ");
    }

    @Test
    void theGatewayPortIsServedBySeveralEventLoopsSharingOnePort() throws Exception {
        Gatehouse gatehouse = Gatehouse.start(withTestDatabase(settings(Role.GATEWAY))
                .withListeners(l -> l.withEventLoops(3)), line -> { }, Clock.systemUTC());
        try {
            int gateway = gatehouse.gatewayPort().orElseThrow();
            assertThat(gatehouse.gatewayListenerPorts()).containsExactly(gateway, gateway, gateway);
            if ("Linux".equals(System.getProperty("os.name")) && "amd64".equals(System.getProperty("os.arch"))) {
                assertThat(gatehouse.nativeTransport()).as("epoll: the jar carries it for linux-x86_64").isTrue();
            }

            List<Future<HttpResponse<Buffer>>> probes = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                WebClient ownConnection = WebClient.create(clientVertx);
                probes.add(ownConnection.get(gateway, "127.0.0.1", "/healthz").send()
                        .andThen(done -> ownConnection.close()));
            }
            for (Future<HttpResponse<Buffer>> probe : probes) {
                assertThat(probe.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).statusCode())
                        .isEqualTo(200);
            }
        } finally {
            assertThat(gatehouse.stop()).isTrue();
        }
    }

    @Test
    void generatesTheOperatorTokenOnceAndKeepsItPrivate() throws Exception {
        Settings adminOnly = withTestDatabase(settings(Role.ADMIN));
        List<String> firstRun = new ArrayList<>();
        Gatehouse.start(adminOnly, firstRun::add, Clock.systemUTC()).stop();
        Path tokenFile = dataDir.resolve("operator-token");
        String token = Files.readString(tokenFile).trim();

        assertThat(firstRun).containsExactly(
                "gatehouse operator token (saved to " + tokenFile + "): " + token);
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");

        List<String> secondRun = new ArrayList<>();
        Gatehouse again = Gatehouse.start(adminOnly, secondRun::add, Clock.systemUTC());
        again.stop();
        assertThat(secondRun).isEmpty();
        assertThat(Files.readString(tokenFile).trim()).isEqualTo(token);
    }

    @Test
    void aConfiguredTokenIsNeitherSavedNorPrinted() throws Exception {
        List<String> stdout = new ArrayList<>();
        Gatehouse.start(withTestDatabase(settings(Role.ADMIN))
                .withOperator(o -> o.withOperatorToken("configured-token-0123456789")), stdout::add, Clock.systemUTC())
                .stop();

        assertThat(stdout).isEmpty();
        assertThat(dataDir.resolve("operator-token")).doesNotExist();
    }

    @Test
    void aGatewayOnlyProcessNeedsNoOperatorToken() throws Exception {
        List<String> stdout = new ArrayList<>();
        Gatehouse gatewayOnly = Gatehouse.start(withTestDatabase(settings(Role.GATEWAY)), stdout::add,
                Clock.systemUTC());
        gatewayOnly.stop();

        assertThat(gatewayOnly.adminPort()).isEmpty();
        assertThat(gatewayOnly.gatewayPort()).isPresent();
        assertThat(stdout).isEmpty();
        assertThat(dataDir.resolve("operator-token")).doesNotExist();
    }

    @Test
    void aPortInUseFailsTheStartAndStopsTheEmbeddedDatabase() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Settings settings = settings().withListeners(l -> l.withPorts(0, taken.getLocalPort()));

            assertThatThrownBy(() -> Gatehouse.start(settings, line -> { }, Clock.systemUTC()))
                    .isInstanceOf(StartupException.class)
                    .hasMessageStartingWith("cannot listen for the admin on 127.0.0.1 port " + taken.getLocalPort())
                    .hasMessageContaining("in use");
        }
        assertThat(postmasterPids()).isEmpty();
    }

    @Test
    void anExternalDatabaseIsUsedInsteadOfTheEmbeddedOne() throws Exception {
        Gatehouse gatehouse = Gatehouse.start(withTestDatabase(settings(Role.ADMIN)),
                line -> { }, Clock.systemUTC());
        try {
            assertThat(get(gatehouse.adminPort().orElseThrow(), "/readyz", "127.0.0.1").statusCode()).isEqualTo(200);
        } finally {
            gatehouse.stop();
        }
        assertThat(dataDir.resolve("postgres")).doesNotExist();
    }

    @Test
    void anAdminOnlyProcessHoldsNoSessionsAndSaysWhereTheyAre() throws Exception {
        Gatehouse adminOnly = Gatehouse.start(withTestDatabase(settings(Role.ADMIN))
                .withOperator(o -> o.withOperatorToken(OPERATOR_TOKEN)), line -> { }, Clock.systemUTC());
        try {
            HttpResponse<Buffer> sessions = sessionsOfANewTenant(adminOnly.adminPort().orElseThrow());

            assertThat(sessions.statusCode()).isEqualTo(503);
            assertThat(sessions.getHeader("Content-Type")).isEqualTo("application/problem+json");
            JsonObject problem = sessions.bodyAsJsonObject();
            assertThat(problem.getString("type")).isEqualTo("https://gatehouse.dev/problems/unavailable");
            assertThat(problem.getString("detail")).contains("held in the memory of the gateway nodes", "--role all");
        } finally {
            adminOnly.stop();
        }
    }

    @Test
    void aProcessRunningBothListsItsGatewaysSessions() throws Exception {
        Gatehouse both = Gatehouse.start(withTestDatabase(settings())
                .withOperator(o -> o.withOperatorToken(OPERATOR_TOKEN)), line -> { }, Clock.systemUTC());
        try {
            HttpResponse<Buffer> sessions = sessionsOfANewTenant(both.adminPort().orElseThrow());

            assertThat(sessions.statusCode()).isEqualTo(200);
            assertThat(sessions.bodyAsJsonObject()).isEqualTo(new JsonObject()
                    .put("items", new JsonArray()).putNull("next_page_token"));
        } finally {
            both.stop();
        }
    }

    @Test
    void anUnreachableDatabaseFailsTheStart() throws Exception {
        try (ClosedPort closed = ClosedPort.reserve()) {
            Settings settings = withDatabase(settings(), "postgresql://gh:pw@127.0.0.1:" + closed.port() + "/gh");

            assertThatThrownBy(() -> Gatehouse.start(settings, line -> { }, Clock.systemUTC()))
                    .isInstanceOf(StartupException.class)
                    .hasMessageStartingWith("applying database migrations failed: ")
                    .hasMessageNotContaining("pw");
        }
        assertThat(dataDir.resolve("operator-token")).as("no token generated that nobody saw").doesNotExist();
    }

    @Test
    void aMalformedDatabaseUrlIsABadSetting() {
        Settings settings = withDatabase(settings(), "mysql://db/gh");

        assertThatThrownBy(() -> Gatehouse.start(settings, line -> { }, Clock.systemUTC()))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("GATEHOUSE_DATABASE_URL ");
    }

    @Test
    void aDataDirectoryThatIsAFileIsABadSetting() throws IOException {
        Path file = Files.writeString(dataDir.resolve("not-a-dir"), "x");
        Settings settings = Settings.defaults(file).withListeners(l -> l.withPorts(0, 0));

        assertThatThrownBy(() -> Gatehouse.start(settings, line -> { }, Clock.systemUTC()))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("data directory " + file + " exists and is not a directory");
    }

    private HttpResponse<Buffer> sessionsOfANewTenant(int adminPort) throws Exception {
        assertThat(post(adminPort, "/api/v1/tenants", OPERATOR_TOKEN,
                new JsonObject().put("slug", "acme").put("display_name", "Acme")).statusCode()).isEqualTo(201);
        Future<HttpResponse<Buffer>> response = client.get(adminPort, "127.0.0.1", "/api/v1/tenants/acme/sessions")
                .putHeader("Authorization", "Bearer " + OPERATOR_TOKEN).send();
        return response.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static String freshDatabaseUrl() {
        DatabaseCoordinates db = TestDatabase.fresh();
        return "postgresql://" + encode(db.user()) + ":" + encode(db.password()) + "@" + db.host() + ":"
                + db.port() + "/" + encode(db.database());
    }

    private HttpResponse<Buffer> get(int port, String path, String host) throws Exception {
        Future<HttpResponse<Buffer>> response = client.get(port, "127.0.0.1", path).virtualHost(host).send();
        return response.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private HttpResponse<Buffer> post(int port, String path, String token, JsonObject body) throws Exception {
        Future<HttpResponse<Buffer>> response = client.post(port, "127.0.0.1", path)
                .putHeader("Authorization", "Bearer " + token)
                .sendJsonObject(body);
        return response.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private List<Path> postmasterPids() throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.filter(file -> file.getFileName().toString().equals("postmaster.pid")).toList();
        }
    }
}
