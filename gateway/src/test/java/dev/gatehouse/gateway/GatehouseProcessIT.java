package dev.gatehouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real jar as a real process: start, serve, SIGTERM, restart on the same data directory. */
class GatehouseProcessIT {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern READY = Pattern.compile(
            "gatehouse ready gateway=http://127\\.0\\.0\\.1:(\\d+) admin=(http://127\\.0\\.0\\.1:\\d+)");
    private static final Pattern TOKEN = Pattern.compile("gatehouse operator token \\(saved to (.+)\\): (\\S+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path temp;

    /** Surefire runs this class too when -Dtest selects it; the jar exists only in failsafe's phase. */
    @BeforeEach
    void needsThePackagedJar() {
        assumeTrue(System.getProperty("gatehouse.jar") != null, "process tests run under failsafe, after packaging");
    }

    private static final String CLIENT_SECRET = "process-test-client-secret-4711";
    private static final String IDP_WITH_SECRET = "{\"name\":\"corp\",\"issuer\":\"https://login.example.com\","
            + "\"client_id\":\"gatehouse\",\"client_secret\":\"" + CLIENT_SECRET + "\"}";
    private static final Pattern ADMIN_KEY = Pattern.compile("ghk_[A-Za-z0-9_-]{43}");

    private Map<String, String> env(Path dataDir) {
        return Map.of("GATEHOUSE_HTTP_PORT", "0", "GATEHOUSE_ADMIN_PORT", "0", "GATEHOUSE_BIND", "127.0.0.1",
                "GATEHOUSE_DATA_DIR", dataDir.toString());
    }

    @Test
    void startsServesStopsOnSigtermAndRestartsOnTheSameData() throws Exception {
        Path dataDir = temp.resolve("data");
        String token;
        try (GatehouseProcess first = GatehouseProcess.start(env(dataDir), temp)) {
            Matcher ready = ready(first.awaitReady(READY_TIMEOUT), first);
            List<String> stdout = first.stdout();
            assertThat(stdout).as(first.output()).hasSize(2);
            Matcher announcement = TOKEN.matcher(stdout.get(0));
            assertThat(announcement.matches()).as(first.output()).isTrue();
            assertThat(announcement.group(1)).isEqualTo(dataDir.resolve("operator-token").toString());
            token = announcement.group(2);

            String admin = ready.group(2);
            assertThat(get(admin + "/readyz", null).statusCode()).isEqualTo(200);
            HttpResponse<String> created = post(admin + "/api/v1/tenants", token,
                    "{\"slug\":\"acme\",\"display_name\":\"Acme Corp\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String adminKey = ADMIN_KEY.matcher(created.body()).results().findFirst().orElseThrow().group();
            HttpResponse<String> idp = post(admin + "/api/v1/tenants/acme/idps", adminKey, IDP_WITH_SECRET);
            assertThat(idp.statusCode()).as(idp.body()).isEqualTo(201);
            HttpResponse<String> refused = post(admin + "/api/v1/tenants/acme/idps", adminKey,
                    IDP_WITH_SECRET.replace("\"corp\"", "\"Not A Slug\""));
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(get("http://127.0.0.1:" + ready.group(1) + "/", null).statusCode()).isEqualTo(404);

            assertThat(first.terminate(EXIT_TIMEOUT)).as(first.output()).isZero();
            assertThat(first.stdout()).as("stdout carries only the token and the ready line").hasSize(2);
            assertThat(first.stderr()).contains("stopped");
            assertThat(first.output()).as("no log line carries a client secret").doesNotContain(CLIENT_SECRET);
        }
        assertThat(postmasterPids(dataDir)).isEmpty();
        assertThat(processesUsing(dataDir)).isEmpty();

        try (GatehouseProcess second = GatehouseProcess.start(env(dataDir), temp)) {
            Matcher ready = ready(second.awaitReady(READY_TIMEOUT), second);
            assertThat(second.stdout()).as("the token is printed only when generated").hasSize(1);
            HttpResponse<String> tenant = get(ready.group(2) + "/api/v1/tenants/acme", token);
            assertThat(tenant.statusCode()).as(tenant.body()).isEqualTo(200);
            assertThat(tenant.body()).contains("\"display_name\":\"Acme Corp\"");
            HttpResponse<String> idp = get(ready.group(2) + "/api/v1/tenants/acme/idps/corp", token);
            assertThat(idp.statusCode()).as(idp.body()).isEqualTo(200);
            assertThat(idp.body()).contains("\"client_secret_set\":true").doesNotContain(CLIENT_SECRET);
            assertThat(Files.readString(dataDir.resolve("operator-token")).trim()).isEqualTo(token);
            assertThat(second.terminate(EXIT_TIMEOUT)).as(second.output()).isZero();
        }
        assertThat(postmasterPids(dataDir)).isEmpty();
        assertThat(processesUsing(dataDir)).isEmpty();
    }

    @Test
    void aPortInUseExitsOneAndLeavesNoDatabaseRunning() throws Exception {
        Path dataDir = temp.resolve("data");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                GatehouseProcess process = GatehouseProcess.start(env(dataDir), temp,
                        "--admin-port", String.valueOf(taken.getLocalPort()))) {
            assertThat(process.awaitExit(READY_TIMEOUT)).as(process.output()).isEqualTo(1);
            assertThat(process.stderr()).contains(
                    "gatehouse: failed to start: cannot listen for the admin on 127.0.0.1 port "
                            + taken.getLocalPort());
            assertThat(process.stderrWithoutBlockedThreadWarnings()).doesNotContain("\tat ");
            assertThat(process.stdout()).noneMatch(line -> line.startsWith("gatehouse ready"));
        }
        assertThat(postmasterPids(dataDir)).isEmpty();
        assertThat(processesUsing(dataDir)).isEmpty();
    }

    @Test
    void badSettingsExitTwoWithOneLine() throws Exception {
        try (GatehouseProcess process = GatehouseProcess.start(
                Map.of("GATEHOUSE_ADMIN_PORT", "ninety"), temp)) {
            assertThat(process.awaitExit(EXIT_TIMEOUT)).isEqualTo(2);
            assertThat(process.stderr()).isEqualTo(
                    "gatehouse: GATEHOUSE_ADMIN_PORT must be a port number from 0 to 65535 (0 picks a free one),"
                            + " not \"ninety\"\n");
            assertThat(process.stdout()).isEmpty();
        }
    }

    @Test
    void demoWithOnlyOneRoleIsRefusedAsBadSettings() throws Exception {
        try (GatehouseProcess process = GatehouseProcess.start(Map.of(), temp, "--demo", "--role", "gateway")) {
            assertThat(process.awaitExit(EXIT_TIMEOUT)).isEqualTo(2);
            assertThat(process.stderr()).isEqualTo(
                    "gatehouse: --demo runs the gateway and the admin API together; leave out --role\n");
        }
    }

    @Test
    void helpDescribesEverySetting() throws Exception {
        try (GatehouseProcess process = GatehouseProcess.start(Map.of(), temp, "--help")) {
            assertThat(process.awaitExit(EXIT_TIMEOUT)).isZero();
            assertThat(String.join("\n", process.stdout())).contains("Usage: java -jar gatehouse.jar",
                    "GATEHOUSE_HTTP_PORT", "GATEHOUSE_ADMIN_PORT", "GATEHOUSE_OPERATOR_TOKEN", "GATEHOUSE_DATA_DIR",
                    "./.gatehouse, relative to the working directory", "GATEHOUSE_DATABASE_URL",
                    "GATEHOUSE_MASTER_KEY", "GATEHOUSE_BIND", "GATEHOUSE_ROLE", "GATEHOUSE_CLUSTER_MEMBERS");
        }
    }

    private static Matcher ready(String line, GatehouseProcess process) throws IOException {
        Matcher matcher = READY.matcher(line);
        assertThat(matcher.matches()).as(process.output()).isTrue();
        return matcher;
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String token, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<Path> postmasterPids(Path dataDir) throws IOException {
        if (!Files.exists(dataDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.filter(file -> file.getFileName().toString().equals("postmaster.pid")).toList();
        }
    }

    /** Any process (a postgres left behind above all) whose command line names the data directory. */
    private static List<String> processesUsing(Path dataDir) {
        String path = dataDir.toString();
        return ProcessHandle.allProcesses()
                .filter(process -> process.pid() != ProcessHandle.current().pid())
                .map(process -> process.info().commandLine().orElse(""))
                .filter(commandLine -> commandLine.contains(path))
                .toList();
    }
}
