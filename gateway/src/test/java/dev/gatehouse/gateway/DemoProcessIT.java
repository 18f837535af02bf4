package dev.gatehouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `gatehouse.jar --demo` as a newcomer runs it: the URL it prints works, sign-in with any name, the policy at work. */
class DemoProcessIT {
    private static final Pattern ANNOUNCEMENT =
            Pattern.compile("gatehouse demo: open http://hello\\.demo\\.localhost:([0-9]+)/ and sign in with any name.*");

    @TempDir
    Path temp;
    /** The JDK client's default, HTTP/2 with an h2c upgrade, as some clients send it. */
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void needsThePackagedJar() {
        assumeTrue(System.getProperty("gatehouse.jar") != null, "process tests run under failsafe, after packaging");
    }

    @Test
    void theDemoShowsLoginThePolicyAndTheSignedIdentity() throws Exception {
        try (GatehouseProcess demo = GatehouseProcess.start(Map.of(), temp, "--demo", "--http-port", "0",
                "--admin-port", "0", "--data-dir", temp.resolve("data").toString())) {
            demo.awaitReady(Duration.ofSeconds(180));
            Matcher announced = demo.stdout().stream().map(ANNOUNCEMENT::matcher).filter(Matcher::matches)
                    .findFirst().orElse(null);
            assertThat(announced).as(demo.output()).isNotNull();
            int port = Integer.parseInt(announced.group(1));
            DemoIdpDiscovery.await("http://hello.demo.localhost:" + port + "/");

            Answer open = get(port, "public.demo.localhost", "/", Map.of());
            assertThat(open.status()).as(open.body()).isEqualTo(200);
            assertThat(open.json().getJsonObject("headers").getString("x-forwarded-host"))
                    .isEqualTo("public.demo.localhost:" + port);

            Answer anonymous = get(port, "hello.demo.localhost", "/hello", Map.of());
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.json().getString("login_url")).startsWith("http://hello.demo.localhost:" + port);

            Map<String, String> admin = signIn(port, "admin");
            Answer adminPage = get(port, "hello.demo.localhost", "/admin/", admin);
            assertThat(adminPage.status()).as(adminPage.body()).isEqualTo(200);
            JsonObject claims = adminPage.json().getJsonObject("assertion_claims");
            assertThat(claims.getString("sub")).isEqualTo("admin");
            assertThat(claims.getString("aud")).isEqualTo("hello.demo.localhost");

            Map<String, String> bob = signIn(port, "bob");
            assertThat(get(port, "hello.demo.localhost", "/hello", bob).status()).isEqualTo(200);
            Answer denied = get(port, "hello.demo.localhost", "/admin/", bob);
            assertThat(denied.status()).isEqualTo(403);
            assertThat(denied.json().getJsonArray("reasons").getList()).contains("user-unauthorized");

            assertThat(demo.terminate(Duration.ofSeconds(60))).as(demo.output()).isZero();
        }
    }

    /** The browser's part of a sign-in, through the demo IdP's login form; returns the session cookies. */
    private Map<String, String> signIn(int port, String user) throws Exception {
        Map<String, String> cookies = new LinkedHashMap<>();
        Answer start = get(port, "hello.demo.localhost", "/.gatehouse/sign_in?idp=local&return_to="
                + URLEncoder.encode("http://hello.demo.localhost:" + port + "/", StandardCharsets.UTF_8), cookies);
        assertThat(start.status()).as(start.body()).isEqualTo(302);
        URI authorize = URI.create(start.location());
        assertThat(authorize.getHost()).isEqualTo("127.0.0.1");

        Answer form = send("POST", authorize.getPort(), "127.0.0.1", authorize.getRawPath() + "?"
                + authorize.getRawQuery(), Map.of(), "username=" + user);
        assertThat(form.status()).as(form.body()).isEqualTo(302);
        URI callback = URI.create(form.location());
        assertThat(callback.getHost()).isEqualTo("hello.demo.localhost");

        Answer back = get(port, "hello.demo.localhost", callback.getRawPath() + "?" + callback.getRawQuery(), cookies);
        assertThat(back.status()).as(back.body()).isEqualTo(302);
        assertThat(cookies).containsKey("__gatehouse");
        return cookies;
    }

    private Answer get(int port, String host, String uri, Map<String, String> cookies) throws Exception {
        return send("GET", port, host, uri, cookies, null);
    }

    private Answer send(String method, int port, String host, String uri, Map<String, String> cookies, String form)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + uri))
                .timeout(Duration.ofSeconds(30)).header("Host", port == 80 ? host : host + ":" + port);
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        remember(response.headers().allValues("Set-Cookie"), cookies);
        return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                response.body());
    }

    private static void remember(List<String> setCookies, Map<String, String> cookies) {
        if (cookies.getClass() != LinkedHashMap.class) {
            return;
        }
        for (String setCookie : setCookies) {
            String pair = setCookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
    }

    private record Answer(int status, String location, String body) {
        JsonObject json() {
            return new JsonObject(body);
        }
    }
}
