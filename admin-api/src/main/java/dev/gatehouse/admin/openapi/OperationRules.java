package dev.gatehouse.admin.openapi;

import dev.gatehouse.admin.http.FieldError;
import dev.gatehouse.admin.http.Problem;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import java.util.ArrayList;
import java.util.List;

/** Everything checked for one operation of the document: its parameters and its body. */
final class OperationRules {

  private final List<ParameterRule> parameters;
  private final BodyRule body;

  OperationRules(Operation operation, OpenAPIContract contract) {
    SchemaRepository repository = contract.getSchemaRepository();
    List<ParameterRule> rules = new ArrayList<>();
    for (Parameter parameter : operation.getParameters()) {
      rules.add(new ParameterRule(parameter, operation.getAbsoluteOpenAPIPath(), repository,
          contract.getRawContract()));
    }
    this.parameters = List.copyOf(rules);
    this.body = BodyRule.of(operation.getRequestBody(), repository, contract.getRawContract());
  }

  /** @return the problem to answer, or null when the request conforms */
  Problem check(RoutingContext ctx) {
    if (body != null && !body.acceptsMediaType(ctx)) {
      return Problem.unsupportedMediaType();
    }
    MultiMap query;
    try {
      query = ctx.queryParams();
    } catch (RuntimeException e) {
      return Problem.badRequest("the query string is malformed");
    }
    List<FieldError> errors = new ArrayList<>();
    for (ParameterRule parameter : parameters) {
      errors.addAll(parameter.check(ctx, query));
    }
    if (body != null) {
      errors.addAll(body.check(ctx));
    }
    return errors.isEmpty() ? null : Problem.invalid(errors);
  }
}
