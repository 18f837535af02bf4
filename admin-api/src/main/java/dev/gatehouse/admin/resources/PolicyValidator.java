package dev.gatehouse.admin.resources;

import dev.gatehouse.admin.http.FieldError;
import io.vertx.core.json.JsonArray;
import java.util.List;

/** Validates a route's policy and returns its canonical form; error pointers are relative to the policy array. */
public interface PolicyValidator {
  record Result(JsonArray canonical, List<FieldError> errors) {}

  Result validate(JsonArray policy);
}
