package dev.gatehouse.admin.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.openapi.contract.OpenAPIVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {

  /** Every endpoint of ADMIN_API_SPEC.md, relative to /api/v1. */
  private static final List<String> SPEC_OPERATIONS = List.of(
      "GET /openapi.json",
      "GET /tenants", "POST /tenants",
      "GET /tenants/{slug}", "PATCH /tenants/{slug}", "DELETE /tenants/{slug}",
      "GET /tenants/{slug}/hostnames", "POST /tenants/{slug}/hostnames",
      "GET /tenants/{slug}/hostnames/{hostname}", "DELETE /tenants/{slug}/hostnames/{hostname}",
      "GET /tenants/{slug}/idps", "POST /tenants/{slug}/idps",
      "GET /tenants/{slug}/idps/{name}", "PATCH /tenants/{slug}/idps/{name}", "DELETE /tenants/{slug}/idps/{name}",
      "GET /tenants/{slug}/upstreams", "POST /tenants/{slug}/upstreams",
      "GET /tenants/{slug}/upstreams/{name}", "PATCH /tenants/{slug}/upstreams/{name}",
      "DELETE /tenants/{slug}/upstreams/{name}", "GET /tenants/{slug}/upstreams/{name}/invoker",
      "GET /tenants/{slug}/routes", "POST /tenants/{slug}/routes",
      "GET /tenants/{slug}/routes/{name}", "PATCH /tenants/{slug}/routes/{name}",
      "DELETE /tenants/{slug}/routes/{name}",
      "GET /tenants/{slug}/keys", "POST /tenants/{slug}/keys",
      "GET /tenants/{slug}/keys/{id}", "DELETE /tenants/{slug}/keys/{id}",
      "POST /tenants/{slug}/policy/explain",
      "GET /tenants/{slug}/signing-keys", "POST /tenants/{slug}/signing-keys/rotate",
      "GET /tenants/{slug}/sessions", "DELETE /tenants/{slug}/sessions",
      "GET /tenants/{slug}/sessions/{handle}", "DELETE /tenants/{slug}/sessions/{handle}",
      "GET /tenants/{slug}/audit");

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private static Vertx vertx;
  private static RequestValidation validation;
  private static JsonObject document;

  @BeforeAll
  static void load() throws Exception {
    vertx = Vertx.vertx();
    validation = RequestValidation.load(vertx).await(30, TimeUnit.SECONDS);
    document = new JsonObject(validation.document());
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(30, TimeUnit.SECONDS);
  }

  @Test
  void documentIsValidOpenApi31() throws Exception {
    assertThat(document.getString("openapi")).isEqualTo("3.1.0");
    assertThat(metaSchemaCheck(document).getValid()).isTrue();

    JsonObject broken = document.copy();
    broken.getJsonObject("paths").getJsonObject("/tenants").getJsonObject("get").remove("responses");
    broken.getJsonObject("components").getJsonObject("parameters").getJsonObject("Limit").put("in", "body");
    assertThat(metaSchemaCheck(broken).getValid()).as("the check catches a broken document").isFalse();
  }

  @Test
  void documentDeclaresEveryOperationOfTheSpecAndNothingElse() {
    assertThat(document.getJsonArray("servers").getJsonObject(0).getString("url")).isEqualTo("/api/v1");
    assertThat(declaredOperations()).containsExactlyInAnyOrderElementsOf(SPEC_OPERATIONS);
  }

  @Test
  void operationsHaveUniqueIdsAndBearerSecurityExceptTheDocumentItself() {
    List<String> ids = new ArrayList<>();
    forEachOperation((key, operation) -> ids.add(operation.getString("operationId")));
    assertThat(ids).doesNotHaveDuplicates().doesNotContainNull();
    assertThat(document.getJsonArray("security")).containsExactly(new JsonObject().put("bearer", new JsonArray()));
    assertThat(document.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("bearer"))
        .isEqualTo(new JsonObject().put("type", "http").put("scheme", "bearer")
            .put("description", "The operator token, or a tenant admin key `ghk_` followed by 43 base64url characters."));
    forEachOperation((key, operation) -> {
      if (key.equals("GET /openapi.json")) {
        assertThat(operation.getJsonArray("security")).isEmpty();
      } else {
        assertThat(operation.containsKey("security")).as(key).isFalse();
        assertThat(responseRef(operation, "401")).as(key).isEqualTo("#/components/responses/Unauthenticated");
        assertThat(responseRef(operation, "400")).as(key).isEqualTo("#/components/responses/BadRequest");
      }
    });
  }

  @Test
  void errorResponsesAreProblemJson() {
    JsonObject responses = document.getJsonObject("components").getJsonObject("responses");
    for (String name : responses.fieldNames()) {
      JsonObject content = responses.getJsonObject(name).getJsonObject("content");
      assertThat(content.fieldNames()).as(name).containsExactly("application/problem+json");
      assertThat(content.getJsonObject("application/problem+json").getJsonObject("schema").getString("$ref"))
          .isEqualTo("#/components/schemas/Problem");
    }
    assertThat(responses.getJsonObject("Unauthenticated").getJsonObject("headers").fieldNames())
        .containsExactly("WWW-Authenticate");
  }

  @Test
  void requestBodiesAreClosedAndCreateAndPatchSchemasDiffer() {
    forEachOperation((key, operation) -> {
      JsonObject body = operation.getJsonObject("requestBody");
      if (body == null) {
        assertThat(key).doesNotStartWith("PATCH");
        if (key.startsWith("POST")) {
          assertThat(key).as("only an action is a POST without a body").endsWith("/rotate");
        }
        return;
      }
      assertThat(body.getBoolean("required")).as(key).isTrue();
      String ref = body.getJsonObject("content").getJsonObject("application/json").getJsonObject("schema")
          .getString("$ref");
      JsonObject schema = schema(ref);
      assertThat(schema.getValue("additionalProperties")).as(key).isEqualTo(false);
      if (key.startsWith("PATCH")) {
        assertThat(ref).as(key).endsWith("Patch");
        assertThat(schema.containsKey("required")).as(key + " requires nothing").isFalse();
        assertThat(schema.getJsonObject("properties").fieldNames()).as(key)
            .doesNotContain("slug", "name", "hostname", "version", "created_at", "updated_at");
        assertThat(schema.getJsonArray("x-gatehouse-immutable")).as(key).isNotEmpty();
      } else {
        // A POST creates a resource, except the explain query, which only asks.
        assertThat(ref).as(key).matches(key.endsWith("/explain") ? ".*/ExplainRequest" : ".*Create");
        assertThat(schema.getJsonArray("required")).as(key).isNotEmpty();
      }
    });
  }

  @Test
  void mutatingOperationsTakeIfMatchAndListsPage() {
    forEachOperation((key, operation) -> {
      List<String> parameters = new ArrayList<>();
      operation.getJsonArray("parameters", new JsonArray())
          .forEach(p -> parameters.add(((JsonObject) p).getString("$ref")));
      if (key.contains("/sessions")) {
        assertThat(parameters).as(key + ": sign-ins have no version").doesNotContain("#/components/parameters/IfMatch");
      } else if (key.startsWith("PATCH") || key.startsWith("DELETE")) {
        assertThat(parameters).as(key).contains("#/components/parameters/IfMatch");
        assertThat(operation.getJsonObject("responses").containsKey("412")).as(key).isTrue();
      }
      JsonObject ok = operation.getJsonObject("responses").getJsonObject("200");
      String okSchema = ok == null ? "" : ok.getJsonObject("content").getJsonObject("application/json")
          .getJsonObject("schema").getString("$ref", "");
      if (okSchema.endsWith("List")) {
        // Paging first; a list may take filters after it.
        assertThat(parameters).as(key)
            .startsWith("#/components/parameters/Limit", "#/components/parameters/PageToken");
        assertThat(schema(okSchema).getJsonArray("required")).containsExactly("items", "next_page_token");
      }
    });
    JsonObject limit = document.getJsonObject("components").getJsonObject("parameters").getJsonObject("Limit")
        .getJsonObject("schema");
    assertThat(limit).isEqualTo(new JsonObject("{\"type\":\"integer\",\"minimum\":1,\"maximum\":200,\"default\":50}"));
  }

  @Test
  void specConstraintsAreInTheSchemas() {
    JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
    assertThat(schemas.getJsonObject("Name").getString("pattern"))
        .isEqualTo("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$");
    JsonObject tenant = schemas.getJsonObject("TenantCreate").getJsonObject("properties");
    assertThat(tenant.getJsonObject("display_name").getInteger("maxLength")).isEqualTo(200);
    assertThat(tenant.getJsonObject("contact").getInteger("maxLength")).isEqualTo(500);
    assertThat(schemas.getJsonObject("GoogleCloudServerlessAuthentication").getJsonObject("properties")
        .getJsonObject("header").getJsonArray("enum"))
        .containsExactly("x-serverless-authorization", "authorization");
    assertThat(schemas.getJsonObject("Duration").getString("pattern")).isEqualTo("^[0-9]+(ms|s|m)$");
    JsonObject policy = schemas.getJsonObject("Policy");
    assertThat(policy.getString("type")).isEqualTo("array");
    assertThat(policy.getJsonObject("items")).isEqualTo(new JsonObject().put("type", "object"));
    JsonObject idp = schemas.getJsonObject("IdpCreate");
    assertThat(idp.getJsonArray("required")).containsExactly("name", "issuer", "client_id", "client_secret");
    assertThat(idp.getJsonObject("properties").getJsonObject("client_secret").getBoolean("writeOnly")).isTrue();
    assertThat(schemas.getJsonObject("Idp").getJsonObject("properties").fieldNames())
        .contains("client_secret_set").doesNotContain("client_secret");
  }

  @Test
  void documentBufferIsJsonAndCallersCannotAlterIt() {
    JsonObject first = new JsonObject(validation.document());
    validation.document().setByte(0, (byte) ' ');
    assertThat(new JsonObject(validation.document())).isEqualTo(first);
  }

  private static OutputUnit metaSchemaCheck(JsonObject candidate) throws Exception {
    SchemaRepository repository = OpenAPIVersion.V3_1.getRepository(vertx, "app://").await(30, TimeUnit.SECONDS);
    return OpenAPIVersion.V3_1.validateContract(vertx, repository, candidate).await(30, TimeUnit.SECONDS);
  }

  private static Set<String> declaredOperations() {
    Set<String> declared = new TreeSet<>();
    forEachOperation((key, operation) -> declared.add(key));
    return declared;
  }

  private interface OperationVisitor {
    void visit(String key, JsonObject operation);
  }

  private static void forEachOperation(OperationVisitor visitor) {
    JsonObject paths = document.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        if (METHODS.contains(method)) {
          visitor.visit(method.toUpperCase() + " " + path, item.getJsonObject(method));
        }
      }
    }
  }

  private static String responseRef(JsonObject operation, String status) {
    JsonObject response = operation.getJsonObject("responses").getJsonObject(status);
    return response == null ? null : response.getString("$ref");
  }

  private static JsonObject schema(String ref) {
    return document.getJsonObject("components").getJsonObject("schemas")
        .getJsonObject(ref.substring("#/components/schemas/".length()));
  }
}
