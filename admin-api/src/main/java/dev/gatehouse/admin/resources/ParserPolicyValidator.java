package dev.gatehouse.admin.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.admin.http.FieldError;
import dev.gatehouse.core.policy.PolicyException;
import dev.gatehouse.core.policy.PolicyParser;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import java.util.List;

/** Validates route policies with core's policy parser; stores its canonical form. */
final class ParserPolicyValidator implements PolicyValidator {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public Result validate(JsonArray policy) {
    Object tree;
    try {
      tree = MAPPER.readValue(policy.encode(), Object.class);
    } catch (JsonProcessingException e) {
      return new Result(null, List.of(new FieldError("", "is not a valid policy")));
    }
    try {
      return new Result(new JsonArray(Json.encode(PolicyParser.parse(tree).toJson())), List.of());
    } catch (PolicyException e) {
      return new Result(null, e.errors().stream().map(err -> new FieldError(err.pointer(), err.message())).toList());
    }
  }
}
