package dev.gatehouse.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.gateway.authn.TestBrowser;
import dev.gatehouse.gateway.harness.FakeIdp;
import dev.gatehouse.gateway.pipeline.GatewayHarness.TestTenant;
import dev.gatehouse.gateway.pipeline.GatewayHarness.User;
import dev.gatehouse.testkit.oidc.FakeOidcProvider;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every criterion of the policy language, judged on a real request through the gateway: one route per case (prefix
 * {@code /case/NAME}), visited by alice (signed in: sub alice, alice@acme.test, groups [staff], claim dept=eng) or by
 * an anonymous client. An allowed request reaches the upstream; a denied one is a 403 with the criterion's reason
 * code and the upstream receives nothing. Times are relative to now, so every case holds whenever it runs.
 */
@ExtendWith(FakeIdp.class)
class PolicyThroughGatewayTest {
    private static final String HOST = "app.acme.test";

    private static GatewayHarness harness;
    private static TestTenant acme;
    private static TestBrowser alice;

    enum Visitor { ALICE, ANONYMOUS }

    enum Request { GET, POST, PLAIN_OPTIONS, CORS_PREFLIGHT }

    /** A route with {@code route}'s policy and switches; {@code reason} is expected among a denial's reasons. */
    record Case(String name, JsonObject route, Visitor visitor, Request request, String subPath, boolean allowed,
            String reason) {
        String path() {
            return "/case/" + name + subPath;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        Instant now = Instant.now();
        LocalTime time = LocalTime.ofInstant(now, ZoneOffset.UTC);
        DayOfWeek today = LocalDate.ofInstant(now, ZoneOffset.UTC).getDayOfWeek();
        // Today and tomorrow: still right should the run cross midnight between configuring and requesting.
        String todayAndTomorrow = day(today) + "," + day(today.plus(1));
        String otherDays = Stream.of(DayOfWeek.values()).filter(d -> d != today && d != today.plus(1))
                .map(PolicyThroughGatewayTest::day).collect(Collectors.joining(","));
        return Stream.of(
                allowed("email-ok", allow(criterion("email", is("alice@acme.test")))),
                denied("email-no", allow(criterion("email", is("bob@acme.test"))), "email-unauthorized"),
                allowed("user-ok", allow(criterion("user", is("alice")))),
                denied("user-no", allow(criterion("user", is("bob"))), "user-unauthorized"),
                allowed("domain-ok", allow(criterion("domain", is("acme.test")))),
                denied("domain-no", allow(criterion("domain", is("other.test"))), "domain-unauthorized"),
                allowed("groups-ok", allow(criterion("groups", new JsonObject().put("has", "staff")))),
                denied("groups-no", allow(criterion("groups", new JsonObject().put("has", "admins"))),
                        "groups-unauthorized"),
                allowed("claim-ok", allow(criterion("claim/dept", new JsonObject().put("has", "eng")))),
                denied("claim-no", allow(criterion("claim/dept", new JsonObject().put("has", "sales"))),
                        "claim-unauthorized"),
                new Case("method-ok", allow(criterion("http_method", is("POST"))), Visitor.ALICE, Request.POST, "",
                        true, null),
                denied("method-no", allow(criterion("http_method", is("POST"))), "http-method-unauthorized"),
                new Case("path-ok", allow(criterion("http_path", startsWith("/case/path-ok/open"))), Visitor.ALICE,
                        Request.GET, "/open/page", true, null),
                new Case("path-no", allow(criterion("http_path", startsWith("/case/path-no/open"))), Visitor.ALICE,
                        Request.GET, "/closed/page", false, "http-path-unauthorized"),
                allowed("source-ok", allow(criterion("source_ip", "127.0.0.1/32"))),
                denied("source-no", allow(criterion("source_ip", "203.0.113.0/24")), "source-ip-unauthorized"),
                allowed("date-ok", allow(criterion("date", new JsonObject()
                        .put("after", now.minus(1, ChronoUnit.DAYS).toString())
                        .put("before", now.plus(1, ChronoUnit.DAYS).toString())))),
                denied("date-no", allow(criterion("date", new JsonObject()
                        .put("after", now.plus(1, ChronoUnit.DAYS).toString()))), "date-unauthorized"),
                allowed("weekday-ok", allow(criterion("day_of_week", todayAndTomorrow))),
                denied("weekday-no", allow(criterion("day_of_week", otherDays)), "day-of-week-unauthorized"),
                allowed("time-ok", allow(criterion("time_of_day", window(time.minusHours(1), time.plusHours(1))))),
                denied("time-no", allow(criterion("time_of_day", window(time.plusHours(2), time.plusHours(3)))),
                        "time-of-day-unauthorized"),
                new Case("cors-ok", allow(criterion("email", is("bob@acme.test"))).put("cors_allow_preflight", true),
                        Visitor.ANONYMOUS, Request.CORS_PREFLIGHT, "", true, null),
                new Case("cors-no", allow(criterion("email", is("bob@acme.test"))).put("cors_allow_preflight", true),
                        Visitor.ALICE, Request.PLAIN_OPTIONS, "", false, "non-cors-request"),
                new Case("accept-ok", allow(criterion("accept", true)), Visitor.ANONYMOUS, Request.GET, "", true,
                        null),
                denied("reject-no", allow(criterion("reject", true)), "reject"),
                allowed("deny-miss", rules(rule("allow", "and", criterion("authenticated_user", true)),
                        rule("deny", "and", criterion("email", is("bob@acme.test"))))),
                denied("deny-hit", rules(rule("allow", "and", criterion("authenticated_user", true)),
                        rule("deny", "and", criterion("email", is("alice@acme.test")))), "denied-by-rule-2"),
                allowed("not-ok", rules(rule("allow", "not", criterion("email", is("bob@acme.test"))))),
                denied("not-no", rules(rule("allow", "not", criterion("email", is("alice@acme.test")))),
                        "no-matching-allow-rule"),
                allowed("nor-ok", rules(rule("allow", "nor", criterion("email", is("alice@acme.test")),
                        criterion("groups", new JsonObject().put("has", "admins"))))),
                denied("nor-no", rules(rule("allow", "nor", criterion("email", is("alice@acme.test")),
                        criterion("groups", new JsonObject().put("has", "staff")))), "no-matching-allow-rule"));
    }

    @BeforeAll
    static void start(FakeOidcProvider idp) {
        harness = GatewayHarness.start(idp);
        acme = harness.createTenant("acme", HOST);
        cases().forEach(c -> harness.createRoute(acme, c.route().copy().put("name", c.name())
                .put("prefix", "/case/" + c.name()).put("idp", GatewayHarness.IDP), "/case/" + c.name()));
        harness.createRoute(acme, new JsonObject().put("name", "staff-only").put("prefix", "/staff-only")
                .put("idp", GatewayHarness.IDP)
                .put("policy", allow(criterion("groups", new JsonObject().put("has", "admins"))).getJsonArray("policy")),
                "/staff-only");
        alice = harness.signIn(acme, HOST, User.alice());
    }

    @AfterAll
    static void stop() throws Exception {
        harness.close();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        harness.upstream.forget();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyCriterionDecidesARealRequest(Case c) {
        TestBrowser client = c.visitor() == Visitor.ALICE ? alice : harness.apiClient();
        client.header("Accept", "application/json");
        TestBrowser.Response response = send(client, c.request(), harness.url(HOST, c.path()));

        if (c.allowed()) {
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(harness.upstream.next().uri()).isEqualTo("/acme" + c.path());
        } else {
            assertThat(response.status()).as(response.body()).isEqualTo(403);
            assertThat(response.json().getString("error")).isEqualTo("forbidden");
            assertThat(response.json().getJsonArray("reasons").getList()).contains(c.reason());
            harness.upstream.assertReceivedNothing();
        }
    }

    @Test
    void aDeniedBrowserSeesAPageWithTheReasonsTheRequestIdAndTheTenantsContact() {
        alice.header("Accept", "text/html,*/*;q=0.8");

        TestBrowser.Response response = alice.get(harness.url(HOST, "/staff-only/reports"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.headers().get("Content-Type")).startsWith("text/html");
        String requestId = response.headers().get("X-Request-Id");
        assertThat(requestId).isNotBlank();
        assertThat(response.body()).contains("groups-unauthorized", "no-matching-allow-rule", requestId,
                acme.contact());
        harness.upstream.assertReceivedNothing();
    }

    @Test
    void aDeniedApiClientGetsJsonWithTheReasonsAndTheRequestId() {
        alice.header("Accept", "application/json");

        TestBrowser.Response response = alice.get(harness.url(HOST, "/staff-only/reports"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.headers().get("Content-Type")).startsWith("application/json");
        JsonObject body = response.json();
        assertThat(body.getString("error")).isEqualTo("forbidden");
        assertThat(body.getJsonArray("reasons").getList()).containsExactly("groups-unauthorized",
                "no-matching-allow-rule");
        assertThat(body.getString("request_id")).isEqualTo(response.headers().get("X-Request-Id"));
        harness.upstream.assertReceivedNothing();
    }

    @Test
    void anAnonymousVisitorOfARouteThatNeedsAUserIsAskedToSignInNotDenied() {
        TestBrowser.Response response = harness.apiClient().get(harness.url(HOST, "/case/email-ok"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().getString("error")).isEqualTo("unauthenticated");
        harness.upstream.assertReceivedNothing();
    }

    private static TestBrowser.Response send(TestBrowser client, Request request, String url) {
        return switch (request) {
            case GET -> client.get(url);
            case POST -> client.post(url);
            case PLAIN_OPTIONS -> client.send(HttpMethod.OPTIONS, url);
            case CORS_PREFLIGHT -> {
                client.header("Origin", "https://spa.acme.test").header("Access-Control-Request-Method", "PUT");
                try {
                    yield client.send(HttpMethod.OPTIONS, url);
                } finally {
                    client.header("Origin", null).header("Access-Control-Request-Method", null);
                }
            }
        };
    }

    private static Case allowed(String name, JsonObject route) {
        return new Case(name, route, Visitor.ALICE, Request.GET, "", true, null);
    }

    private static Case denied(String name, JsonObject route, String reason) {
        return new Case(name, route, Visitor.ALICE, Request.GET, "", false, reason);
    }

    /** A route whose policy is one allow rule with these criteria (all must match). */
    private static JsonObject allow(JsonObject... criteria) {
        return rules(rule("allow", "and", criteria));
    }

    private static JsonObject rules(JsonObject... rules) {
        return new JsonObject().put("policy", new JsonArray(List.of((Object[]) rules)));
    }

    private static JsonObject rule(String action, String operator, JsonObject... criteria) {
        return new JsonObject().put(action, new JsonObject().put(operator, new JsonArray(List.of((Object[]) criteria))));
    }

    private static JsonObject criterion(String name, Object value) {
        return new JsonObject().put(name, value);
    }

    private static JsonObject is(String value) {
        return new JsonObject().put("is", value);
    }

    private static JsonObject startsWith(String value) {
        return new JsonObject().put("starts_with", value);
    }

    private static JsonObject window(LocalTime after, LocalTime before) {
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        return new JsonObject().put("after", after.format(hhmm)).put("before", before.format(hhmm));
    }

    private static String day(DayOfWeek day) {
        return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
    }
}
