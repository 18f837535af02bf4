package dev.gatehouse.admin.openapi;

import dev.gatehouse.admin.http.Problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RequestValidationTest {

  private static Vertx vertx;
  private static ValidationServer server;
  private static WebClient client;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    server = ValidationServer.start(vertx);
    client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(server.port()));
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    server.close();
    vertx.close().await(30, TimeUnit.SECONDS);
  }

  @Test
  void validCreateBodiesReachTheHandler() throws Exception {
    List<List<String>> requests = List.of(
        List.of("/api/v1/tenants", "{\"slug\":\"acme\",\"display_name\":\"Acme\",\"contact\":null,"
            + "\"allow_gateway_identity\":true}"),
        List.of("/api/v1/tenants/acme/hostnames", "{\"hostname\":\"App.Example.com\"}"),
        List.of("/api/v1/tenants/acme/hostnames", "{\"hostname\":\"app.localhost\"}"),
        List.of("/api/v1/tenants/acme/idps", "{\"name\":\"google\",\"issuer\":\"https://accounts.google.com\","
            + "\"client_id\":\"id\",\"client_secret\":\"s3cret\",\"scopes\":[\"openid\",\"email\"],"
            + "\"groups_claim\":\"groups\"}"),
        List.of("/api/v1/tenants/acme/upstreams", "{\"name\":\"web\",\"url\":\"https://web.internal:8443/base\","
            + "\"google_cloud_serverless_authentication\":{\"enabled\":true,\"audience\":null,"
            + "\"header\":\"authorization\",\"service_account\":\"invoker@proj.iam.gserviceaccount.com\"},"
            + "\"connect_timeout\":\"500ms\",\"timeout\":\"2m\"}"),
        List.of("/api/v1/tenants/acme/routes", "{\"name\":\"home\",\"from\":\"https://app.example.com\","
            + "\"prefix\":\"/\",\"upstream\":\"web\",\"idp\":\"google\","
            + "\"policy\":[{\"allow\":{\"or\":[{\"email\":{\"is\":\"a@example.com\"}}]}}],"
            + "\"pass_identity_headers\":true,\"set_request_headers\":{\"X-Team\":\"blue\"},"
            + "\"remove_request_headers\":[\"Cookie\"],\"timeout\":null,\"regex\":null}"),
        List.of("/api/v1/tenants/acme/keys", "{\"name\":\"ci\"}"));
    for (List<String> request : requests) {
      HttpResponse<Buffer> response = send(HttpMethod.POST, request.get(0), request.get(1));
      assertThat(response.statusCode()).as(request.get(0) + " " + response.bodyAsString()).isEqualTo(200);
      JsonObject echo = response.bodyAsJsonObject();
      assertThat(echo.getString("path")).isEqualTo(request.get(0));
      assertThat(echo.getJsonObject("body")).isEqualTo(new JsonObject(request.get(1)));
    }
  }

  @Test
  void unknownFieldIsNamed() throws Exception {
    HttpResponse<Buffer> response = send(HttpMethod.POST, "/api/v1/tenants",
        "{\"slug\":\"acme\",\"display_name\":\"Acme\",\"colour\":\"red\"}");
    assertInvalid(response, "/colour", "unknown field 'colour'");
    JsonObject problem = response.bodyAsJsonObject();
    assertThat(problem.getString("type")).isEqualTo("https://gatehouse.dev/problems/invalid-request");
    assertThat(problem.getString("title")).isEqualTo("Invalid request");
    assertThat(problem.getInteger("status")).isEqualTo(400);
    assertThat(problem.getString("detail")).isEqualTo("/colour unknown field 'colour'");
    assertThat(response.getHeader("content-type")).isEqualTo("application/problem+json");
  }

  @Test
  void wrongTypesAreExplained() throws Exception {
    assertInvalid(send(HttpMethod.POST, "/api/v1/tenants", "{\"slug\":\"acme\",\"display_name\":5}"),
        "/display_name", "must be a string");
    assertInvalid(send(HttpMethod.PATCH, "/api/v1/tenants/acme", "{\"contact\":[]}"),
        "/contact", "must be a string or null");
    assertInvalid(send(HttpMethod.PATCH, "/api/v1/tenants/acme", "{\"allow_gateway_identity\":\"yes\"}"),
        "/allow_gateway_identity", "must be a boolean");
    assertInvalid(send(HttpMethod.POST, "/api/v1/tenants", "[1,2]"), "", "must be an object");
  }

  @Test
  void missingRequiredFieldsAreListed() throws Exception {
    HttpResponse<Buffer> response = send(HttpMethod.POST, "/api/v1/tenants/acme/idps", "{\"name\":\"google\"}");
    assertInvalid(response, "/issuer", "is required");
    assertThat(errors(response)).contains(
        new JsonObject().put("pointer", "/client_id").put("detail", "is required"),
        new JsonObject().put("pointer", "/client_secret").put("detail", "is required"));
    assertThat(response.bodyAsJsonObject().getString("detail")).isEqualTo("/issuer is required (and 2 more)");
  }

  @Test
  void patternViolationsPointAtTheField() throws Exception {
    HttpResponse<Buffer> response = send(HttpMethod.POST, "/api/v1/tenants",
        "{\"slug\":\"Bad_Slug\",\"display_name\":\"Acme\"}");
    assertInvalid(response, "/slug",
        "must be 1 to 63 lower-case letters, digits or hyphens, starting and ending with a letter or digit");
    assertInvalid(send(HttpMethod.POST, "/api/v1/tenants/acme/hostnames", "{\"hostname\":\"localhost\"}"),
        "/hostname", "must be a hostname with at least one dot (labels of letters, digits and hyphens), "
            + "without port, trailing dot or wildcard");
    assertInvalid(send(HttpMethod.POST, "/api/v1/tenants/acme/hostnames", "{\"hostname\":\"*.example.com\"}"),
        "/hostname", "must be a hostname with at least one dot (labels of letters, digits and hyphens), "
            + "without port, trailing dot or wildcard");
    assertInvalid(send(HttpMethod.POST, "/api/v1/tenants/acme/upstreams",
        "{\"name\":\"web\",\"url\":\"https://user@web.internal/?q=1\"}"),
        "/url", "must be an absolute http or https URL without user info, query or fragment");
    assertInvalid(send(HttpMethod.PATCH, "/api/v1/tenants/acme/upstreams/web", "{\"timeout\":\"10 seconds\"}"),
        "/timeout", "must be a duration such as \"500ms\", \"10s\" or \"2m\"");
  }

  @Test
  void enumViolationInANestedObjectListsTheAllowedValues() throws Exception {
    assertInvalid(send(HttpMethod.POST, "/api/v1/tenants/acme/upstreams",
            "{\"name\":\"web\",\"url\":\"https://web.internal\","
                + "\"google_cloud_serverless_authentication\":{\"enabled\":true,\"header\":\"x-bogus\"}}"),
        "/google_cloud_serverless_authentication/header",
        "must be one of: \"x-serverless-authorization\", \"authorization\"");
    assertInvalid(send(HttpMethod.PATCH, "/api/v1/tenants/acme/upstreams/web",
            "{\"google_cloud_serverless_authentication\":{\"enabled\":true,\"extra\":1}}"),
        "/google_cloud_serverless_authentication/extra", "unknown field 'extra'");
  }

  @Test
  void queryParametersAreCheckedAgainstTheirRange() throws Exception {
    assertInvalid(send(HttpMethod.GET, "/api/v1/tenants?limit=0", null), "#/query/limit", "must be at least 1");
    assertInvalid(send(HttpMethod.GET, "/api/v1/tenants?limit=201", null), "#/query/limit", "must be at most 200");
    assertInvalid(send(HttpMethod.GET, "/api/v1/tenants/acme/audit?limit=ten", null),
        "#/query/limit", "must be an integer");
    HttpResponse<Buffer> accepted = send(HttpMethod.GET, "/api/v1/tenants?limit=200&page_token=abc", null);
    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(accepted.bodyAsJsonObject().getString("path")).isEqualTo("/api/v1/tenants");
  }

  @Test
  void patchBodiesRequireNothingAndRejectImmutableFields() throws Exception {
    HttpResponse<Buffer> empty = send(HttpMethod.PATCH, "/api/v1/tenants/acme", "{}");
    assertThat(empty.statusCode()).isEqualTo(200);
    HttpResponse<Buffer> clearing = send(HttpMethod.PATCH, "/api/v1/tenants/acme",
        "{\"contact\":null,\"authenticate_hostname\":null}");
    assertThat(clearing.statusCode()).isEqualTo(200);
    assertInvalid(send(HttpMethod.PATCH, "/api/v1/tenants/acme", "{\"slug\":\"other\"}"),
        "/slug", "field 'slug' is immutable and cannot be patched");
    assertInvalid(send(HttpMethod.PATCH, "/api/v1/tenants/acme/routes/home", "{\"name\":\"x\"}"),
        "/name", "field 'name' is immutable and cannot be patched");
    assertInvalid(send(HttpMethod.PATCH, "/api/v1/tenants/acme", "{\"display_name\":null}"),
        "/display_name", "must be a string");
  }

  @Test
  void routeDetailsArePointedAtPrecisely() throws Exception {
    String base = "\"name\":\"home\",\"from\":\"https://app.example.com\",\"upstream\":\"web\",";
    assertInvalid(send(HttpMethod.POST, "/api/v1/tenants/acme/routes",
            "{" + base + "\"set_request_headers\":{\"X-Gatehouse-User\":\"me\"}}"),
        "/set_request_headers/X-Gatehouse-User",
        "name must be an HTTP header name (RFC 7230 token) other than X-Gatehouse-*");
    assertInvalid(send(HttpMethod.POST, "/api/v1/tenants/acme/routes",
            "{" + base + "\"set_request_headers\":{\"X-Team\":7}}"),
        "/set_request_headers/X-Team", "must be a string");
    assertInvalid(send(HttpMethod.POST, "/api/v1/tenants/acme/routes",
            "{" + base + "\"remove_request_headers\":[\"Cookie\",\"bad header\"]}"),
        "/remove_request_headers/1", "must be an HTTP header name (RFC 7230 token)");
    assertInvalid(send(HttpMethod.POST, "/api/v1/tenants/acme/routes", "{" + base + "\"policy\":[{},3]}"),
        "/policy/1", "must be an object");
    assertInvalid(send(HttpMethod.POST, "/api/v1/tenants/acme/routes", "{" + base + "\"regex\":\"(\"}"),
        "/regex", "must be a valid regular expression");
    assertInvalid(send(HttpMethod.POST, "/api/v1/tenants/acme/routes", "{" + base + "\"path\":\"no-slash\"}"),
        "/path", "must start with \"/\"");
    assertInvalid(send(HttpMethod.POST, "/api/v1/tenants/acme/routes",
            "{\"name\":\"home\",\"from\":\"https://app.example.com:8443/x\",\"upstream\":\"web\"}"),
        "/from", "must be https://HOSTNAME or http://HOSTNAME (one of the tenant's hostnames, no port, no path)");
  }

  @Test
  void scopesMustContainOpenid() throws Exception {
    assertInvalid(send(HttpMethod.PATCH, "/api/v1/tenants/acme/idps/google", "{\"scopes\":[\"email\"]}"),
        "/scopes", "must contain \"openid\"");
    assertInvalid(send(HttpMethod.PATCH, "/api/v1/tenants/acme/idps/google", "{\"client_secret\":\"\"}"),
        "/client_secret", "must not be empty");
  }

  @Test
  void everyProblemOfTheRequestIsReportedAtOnce() throws Exception {
    HttpResponse<Buffer> response = send(HttpMethod.POST, "/api/v1/tenants?limit=5",
        "{\"slug\":\"Bad_Slug\",\"display_name\":\"\",\"a b\":1,\"x~y\":2}");
    JsonArray errors = errors(response);
    assertThat(errors.stream().map(e -> ((JsonObject) e).getString("pointer")))
        .containsExactlyInAnyOrder("/slug", "/display_name", "/a b", "/x~0y");
    assertThat(errors).contains(new JsonObject().put("pointer", "/x~0y").put("detail", "unknown field 'x~y'"));
  }

  @Test
  void theErrorListIsCapped() throws Exception {
    JsonObject body = new JsonObject().put("name", "ci");
    for (int i = 0; i < 60; i++) {
      body.put("extra" + i, i);
    }
    HttpResponse<Buffer> response = send(HttpMethod.POST, "/api/v1/tenants/acme/keys", body.encode());
    assertInvalid(response, "/extra0", "unknown field 'extra0'");
    assertThat(errors(response)).hasSize(Problem.MAX_ERRORS);
    assertThat(response.bodyAsJsonObject().getString("detail")).isEqualTo("/extra0 unknown field 'extra0' (and 59 more)");
  }

  @Test
  void aTrailingLineBreakDoesNotSlipThroughAPattern() throws Exception {
    assertInvalid(send(HttpMethod.POST, "/api/v1/tenants", "{\"slug\":\"acme\\n\",\"display_name\":\"Acme\"}"),
        "/slug", "must be 1 to 63 lower-case letters, digits or hyphens, starting and ending with a letter or digit");
    assertInvalid(send(HttpMethod.POST, "/api/v1/tenants/acme/routes",
            "{\"name\":\"home\",\"from\":\"https://app.example.com\",\"upstream\":\"web\","
                + "\"set_request_headers\":{\"X-Team\":\"blue\\r\\nX-Evil: 1\"}}"),
        "/set_request_headers/X-Team", "must not contain control characters");
  }

  @Test
  void megabyteValuesAreRejectedByLengthNotByRunawayPatterns() throws Exception {
    String hostname = "a.".repeat(400_000) + "com";
    HttpResponse<Buffer> response = send(HttpMethod.POST, "/api/v1/tenants/acme/hostnames",
        "{\"hostname\":\"" + hostname + "\"}");
    assertInvalid(response, "/hostname", "must be at most 253 characters long");
    assertThat(errors(response)).hasSize(1);

    String serviceAccount = "a@" + "a.".repeat(400_000) + " ";
    assertInvalid(send(HttpMethod.POST, "/api/v1/tenants/acme/upstreams",
            "{\"name\":\"web\",\"url\":\"https://web.internal\","
                + "\"google_cloud_serverless_authentication\":{\"service_account\":\"" + serviceAccount + "\"}}"),
        "/google_cloud_serverless_authentication/service_account", "must be at most 320 characters long");
  }

  @Test
  void nonAsciiAndNullBodiesAreReportedCleanly() throws Exception {
    assertInvalid(send(HttpMethod.POST, "/api/v1/tenants/acme/keys", "{\"name\":\"ci\",\"f\u00fcr\":1}"),
        "/f\u00fcr", "unknown field 'f\u00fcr'");
    assertInvalid(send(HttpMethod.POST, "/api/v1/tenants/acme/keys", "null"), "", "must be an object");
  }

  @Test
  void malformedJsonMissingBodyAndWrongMediaTypeAreClientErrors() throws Exception {
    HttpResponse<Buffer> malformed = send(HttpMethod.POST, "/api/v1/tenants", "{\"slug\":");
    assertInvalid(malformed, "", "request body is not valid JSON");
    assertInvalid(send(HttpMethod.POST, "/api/v1/tenants", null), "", "request body is required");

    HttpResponse<Buffer> form = client.request(HttpMethod.POST, "/api/v1/tenants")
        .putHeader("content-type", "application/x-www-form-urlencoded")
        .sendBuffer(Buffer.buffer("slug=acme")).await(30, TimeUnit.SECONDS);
    assertThat(form.statusCode()).isEqualTo(415);
    assertThat(form.getHeader("content-type")).isEqualTo("application/problem+json");
    assertThat(form.bodyAsJsonObject().getString("type"))
        .isEqualTo("https://gatehouse.dev/problems/unsupported-media-type");

    HttpResponse<Buffer> withCharset = client.request(HttpMethod.POST, "/api/v1/tenants")
        .putHeader("content-type", "Application/JSON; charset=utf-8")
        .sendBuffer(Buffer.buffer("{\"slug\":\"acme\",\"display_name\":\"Acme\"}")).await(30, TimeUnit.SECONDS);
    assertThat(withCharset.statusCode()).isEqualTo(200);
  }

  @Test
  void headerParametersAreValidated() throws Exception {
    HttpResponse<Buffer> response = client.request(HttpMethod.DELETE, "/api/v1/tenants/acme")
        .putHeader("If-Match", "\"" + "9".repeat(80) + "\"").send().await(30, TimeUnit.SECONDS);
    assertInvalid(response, "#/header/If-Match", "must be at most 64 characters long");
    HttpResponse<Buffer> accepted = client.request(HttpMethod.DELETE, "/api/v1/tenants/acme")
        .putHeader("If-Match", "\"3\"").send().await(30, TimeUnit.SECONDS);
    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(accepted.bodyAsJsonObject().getString("method")).isEqualTo("DELETE");
  }

  @Test
  void requestsOutsideTheDocumentPassThroughToTheRouter() throws Exception {
    HttpResponse<Buffer> unknownPath = send(HttpMethod.POST, "/api/v1/sessions", "{\"anything\":true}");
    assertThat(unknownPath.statusCode()).isEqualTo(404);
    HttpResponse<Buffer> unknownMethod = send(HttpMethod.PATCH, "/api/v1/tenants/acme/hostnames/app.example.com",
        "{\"anything\":true}");
    assertThat(unknownMethod.statusCode()).isIn(404, 405);
  }

  @Test
  void theDocumentIsServedAsJson() throws Exception {
    HttpResponse<Buffer> response = send(HttpMethod.GET, "/api/v1/openapi.json", null);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject document = response.bodyAsJsonObject();
    assertThat(document.getString("openapi")).isEqualTo("3.1.0");
    assertThat(document).isEqualTo(new JsonObject(server.validation.document()));
  }

  private static HttpResponse<Buffer> send(HttpMethod method, String uri, String json) throws Exception {
    HttpRequest<Buffer> request = client.request(method, uri);
    if (json == null) {
      return request.send().await(30, TimeUnit.SECONDS);
    }
    return request.putHeader("content-type", "application/json").sendBuffer(Buffer.buffer(json))
        .await(30, TimeUnit.SECONDS);
  }

  private static void assertInvalid(HttpResponse<Buffer> response, String pointer, String detail) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(400);
    assertThat(response.getHeader("content-type")).isEqualTo("application/problem+json");
    String body = response.bodyAsString();
    assertThat(body).doesNotContain("io.vertx", "Exception", "Instance", "\tat ");
    assertThat(errors(response)).as(body).contains(new JsonObject().put("pointer", pointer).put("detail", detail));
  }

  private static JsonArray errors(HttpResponse<Buffer> response) {
    JsonArray errors = response.bodyAsJsonObject().getJsonArray("errors");
    return errors == null ? new JsonArray() : errors;
  }
}
