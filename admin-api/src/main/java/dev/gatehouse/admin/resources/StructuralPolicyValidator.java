package dev.gatehouse.admin.resources;

import dev.gatehouse.admin.http.FieldError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Checks only the outer shape of a policy (a list of allow/deny rule objects); the parser checks the rest. */
final class StructuralPolicyValidator implements PolicyValidator {
  private static final Set<String> ACTIONS = Set.of("allow", "deny");

  @Override
  public Result validate(JsonArray policy) {
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < policy.size(); i++) {
      if (!(policy.getValue(i) instanceof JsonObject rule) || rule.isEmpty()
          || !ACTIONS.containsAll(rule.fieldNames())) {
        errors.add(new FieldError("/" + i, "must be a rule object with \"allow\" and/or \"deny\""));
      }
    }
    return new Result(errors.isEmpty() ? policy.copy() : null, errors);
  }
}
