package dev.gatehouse.admin.openapi;

import dev.gatehouse.admin.http.FieldError;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.RequestBody;
import java.util.List;
import java.util.Locale;

/** Checks the JSON request body of an operation: present when required, JSON, and valid against its schema. */
final class BodyRule {

  private static final String JSON = "application/json";

  private final boolean required;
  private final Validator validator;
  private final SchemaErrors schemaErrors;

  private BodyRule(boolean required, Validator validator, SchemaErrors schemaErrors) {
    this.required = required;
    this.validator = validator;
    this.schemaErrors = schemaErrors;
  }

  /** @return the rule, or null when the operation declares no JSON body */
  static BodyRule of(RequestBody requestBody, SchemaRepository repository, JsonObject contract) {
    MediaType json = requestBody == null ? null : requestBody.getContent().get(JSON);
    if (json == null || json.getSchema() == null) {
      return null;
    }
    return new BodyRule(requestBody.isRequired(), repository.validator(json.getSchema()),
        new SchemaErrors(new SchemaLocator(contract, json.getOpenAPIModel().getJsonObject("schema"))));
  }

  /** A body that is present must be declared as JSON; an absent one is judged by {@link #check}. */
  boolean acceptsMediaType(RoutingContext ctx) {
    return isEmpty(ctx.body().buffer()) || isJson(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE));
  }

  List<FieldError> check(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    if (isEmpty(body)) {
      return required ? List.of(new FieldError("", "request body is required")) : List.of();
    }
    Object value;
    try {
      value = Json.decodeValue(body);
    } catch (DecodeException e) {
      return List.of(new FieldError("", "request body is not valid JSON"));
    }
    OutputUnit result = validator.validate(value);
    return result.getValid() ? List.of() : schemaErrors.translate(result, value, "");
  }

  private static boolean isEmpty(Buffer body) {
    return body == null || body.length() == 0;
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int parameters = contentType.indexOf(';');
    String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim();
    return JSON.equals(mediaType.toLowerCase(Locale.ROOT));
  }
}
