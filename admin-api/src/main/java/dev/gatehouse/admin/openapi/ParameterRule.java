package dev.gatehouse.admin.openapi;

import dev.gatehouse.admin.http.FieldError;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import io.vertx.json.schema.common.dsl.SchemaType;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.Parameter;
import java.util.List;
import java.util.regex.Pattern;

/** Checks one path, query or header parameter of an operation against its schema. */
final class ParameterRule {

  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");

  private final Parameter parameter;
  private final Validator validator;
  private final SchemaErrors schemaErrors;
  private final String pointer;
  private final int pathSegment;

  ParameterRule(Parameter parameter, String absoluteTemplate, SchemaRepository repository, JsonObject contract) {
    this.parameter = parameter;
    this.validator = repository.validator(parameter.getSchema());
    this.schemaErrors = new SchemaErrors(
        new SchemaLocator(contract, parameter.getOpenAPIModel().getJsonObject("schema")));
    this.pointer = "#/" + parameter.getIn().name().toLowerCase() + "/" + JsonPointers.escapeToken(parameter.getName());
    this.pathSegment = segmentIndex(absoluteTemplate, parameter.getName());
  }

  /** @param query the decoded query parameters of the request */
  List<FieldError> check(RoutingContext ctx, MultiMap query) {
    String raw = rawValue(ctx, query);
    if (raw == null) {
      return parameter.isRequired() ? List.of(new FieldError(pointer, "is required")) : List.of();
    }
    Object value = coerce(raw);
    OutputUnit result = validator.validate(value);
    return result.getValid() ? List.of() : schemaErrors.translate(result, value, pointer);
  }

  private String rawValue(RoutingContext ctx, MultiMap query) {
    Location in = parameter.getIn();
    switch (in) {
      case PATH:
        String[] segments = ctx.request().path().split("/", -1);
        return pathSegment > 0 && pathSegment < segments.length
            ? JsonPointers.percentDecode(segments[pathSegment]) : null;
      case QUERY:
        return query.get(parameter.getName());
      case HEADER:
        return ctx.request().getHeader(parameter.getName());
      default:
        return null;
    }
  }

  /** Query, path and header values are text; the schema decides whether they should be read as numbers. */
  private Object coerce(String raw) {
    SchemaType type = parameter.getSchemaType();
    if ((type == SchemaType.INTEGER || type == SchemaType.NUMBER) && INTEGER.matcher(raw).matches()) {
      return Long.parseLong(raw);
    }
    if (type == SchemaType.BOOLEAN && ("true".equals(raw) || "false".equals(raw))) {
      return Boolean.parseBoolean(raw);
    }
    return raw;
  }

  private static int segmentIndex(String absoluteTemplate, String name) {
    String[] segments = absoluteTemplate.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      if (segments[i].equals("{" + name + "}")) {
        return i;
      }
    }
    return -1;
  }
}
