package dev.gatehouse.admin.openapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Finds the schema object a keyword location of a validation unit refers to. vertx-openapi keeps {@code $ref}s
 * (rewritten to {@code app:///#/...}) and the keyword locations walk through them ({@code /properties/slug/$ref/pattern}),
 * except for the root reference, which the validator follows silently.
 */
final class SchemaLocator {

  private static final int MAX_REFERENCE_HOPS = 32;

  private final JsonObject document;
  private final JsonObject root;

  /**
   * @param document the contract the schema's references point into
   * @param root     the schema validation started from
   */
  SchemaLocator(JsonObject document, JsonObject root) {
    this.document = document;
    this.root = root;
  }

  /** @return the schema object at the unescaped keyword path, or an empty object when it cannot be found */
  JsonObject schemaAt(List<String> keywordPath) {
    Object current = root;
    for (String token : keywordPath) {
      if ("$ref".equals(token)) {
        current = follow(current);
        continue;
      }
      if (current instanceof JsonObject object && !object.containsKey(token)) {
        current = follow(current);
      }
      current = step(current, token);
      if (current == null) {
        return new JsonObject();
      }
    }
    return follow(current) instanceof JsonObject object ? object : new JsonObject();
  }

  private Object follow(Object schema) {
    Object current = schema;
    for (int hops = 0; hops < MAX_REFERENCE_HOPS; hops++) {
      if (!(current instanceof JsonObject object) || !(object.getValue("$ref") instanceof String ref)) {
        return current;
      }
      int fragment = ref.indexOf('#');
      current = fragment < 0 ? null : JsonPointers.resolve(document, JsonPointers.fromFragment(ref.substring(fragment)));
    }
    return current;
  }

  private static Object step(Object current, String token) {
    if (current instanceof JsonObject object) {
      return object.getValue(token);
    }
    if (current instanceof JsonArray array && token.matches("[0-9]{1,9}") && Integer.parseInt(token) < array.size()) {
      return array.getValue(Integer.parseInt(token));
    }
    return null;
  }
}
