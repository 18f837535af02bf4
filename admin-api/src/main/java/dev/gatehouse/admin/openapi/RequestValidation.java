package dev.gatehouse.admin.openapi;

import dev.gatehouse.admin.http.Problem;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates admin API requests against the OpenAPI document and serves that document.
 * Mount {@link #handler()} after BodyHandler and authentication; requests the document does not describe pass through.
 */
public final class RequestValidation {

  /** Classpath location of the document's YAML source. */
  public static final String DOCUMENT_RESOURCE = "openapi/admin-api.yaml";

  private static final Logger LOG = LoggerFactory.getLogger(RequestValidation.class);

  private final Buffer document;
  private final OpenAPIContract contract;
  private final Map<String, OperationRules> rulesByOperationId;

  private RequestValidation(Buffer document, OpenAPIContract contract) {
    this.document = document;
    this.contract = contract;
    Map<String, OperationRules> rules = new HashMap<>();
    for (Operation operation : contract.operations()) {
      rules.put(operation.getOperationId(), new OperationRules(operation, contract));
    }
    this.rulesByOperationId = Map.copyOf(rules);
  }

  /** Reads and checks the classpath document; fails when it is missing or not a valid OpenAPI 3.1 document. */
  public static Future<RequestValidation> load(Vertx vertx) {
    return vertx.executeBlocking(() -> YamlDocument.parse(readResource()))
        .compose(json -> OpenAPIContract.from(vertx, ValidationContract.from(json))
            .map(contract -> new RequestValidation(json.toBuffer(), contract)));
  }

  public Handler<RoutingContext> handler() {
    return this::validate;
  }

  /** The document as JSON, for {@code GET /api/v1/openapi.json}. */
  public Buffer document() {
    return document.copy();
  }

  private void validate(RoutingContext ctx) {
    Operation operation = contract.findOperation(ctx.request().path(), ctx.request().method());
    OperationRules rules = operation == null ? null : rulesByOperationId.get(operation.getOperationId());
    if (rules == null) {
      ctx.next();
      return;
    }
    Problem problem;
    try {
      problem = rules.check(ctx);
    } catch (RuntimeException | StackOverflowError e) {
      // A validator failure is our defect, but the client still gets a 4xx answer without internals.
      LOG.warn("request validation failed unexpectedly for operation {}", operation.getOperationId(), e);
      problem = Problem.badRequest("the request could not be validated");
    }
    if (problem == null) {
      ctx.next();
    } else {
      ctx.response()
          .setStatusCode(problem.status())
          .putHeader(HttpHeaders.CONTENT_TYPE, Problem.CONTENT_TYPE)
          .end(problem.toJson().toBuffer());
    }
  }

  private static String readResource() {
    try (InputStream in = RequestValidation.class.getClassLoader().getResourceAsStream(DOCUMENT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("classpath resource " + DOCUMENT_RESOURCE + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
