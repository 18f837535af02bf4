package dev.gatehouse.admin.openapi;

import dev.gatehouse.admin.http.FieldError;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Translates vertx-json-schema output units (basic output format) into pointer + detail pairs a client can act on.
 * Details are derived from the schema keyword that failed, never from the library's messages, so no internals leak.
 */
final class SchemaErrors {

  /** Keywords whose units only say "a sub-schema failed"; the failing leaf follows as its own unit. */
  private static final Set<String> WRAPPERS = Set.of("properties", "patternProperties", "items", "prefixItems",
      "propertyNames", "$ref", "$dynamicRef", "$recursiveRef", "allOf", "dependentSchemas", "if", "then", "else");

  private static final String PATTERN_DETAIL = "x-gatehouse-pattern-detail";
  private static final String IMMUTABLE = "x-gatehouse-immutable";

  private final SchemaLocator locator;

  SchemaErrors(SchemaLocator locator) {
    this.locator = locator;
  }

  /**
   * @param result        the invalid validation result
   * @param instance      the validated value
   * @param pointerPrefix prefix for pointers: "" for a body, {@code #/query/limit} style for a parameter
   */
  List<FieldError> translate(OutputUnit result, Object instance, String pointerPrefix) {
    Set<FieldError> errors = new LinkedHashSet<>();
    List<OutputUnit> units = result.getErrors() == null ? List.of() : result.getErrors();
    // The validation contract bounds each pattern by maxLength, so an overlong value fails both; say it once.
    Set<String> tooLong = new HashSet<>();
    for (OutputUnit unit : units) {
      if ("maxLength".equals(keywordOf(unit))) {
        tooLong.add(nullToEmpty(unit.getInstanceLocation()));
      }
    }
    for (OutputUnit unit : units) {
      if (!("pattern".equals(keywordOf(unit)) && tooLong.contains(nullToEmpty(unit.getInstanceLocation())))) {
        errors.addAll(leafErrors(unit, instance, pointerPrefix));
      }
    }
    if (errors.isEmpty()) {
      errors.add(new FieldError(pointerPrefix, "is invalid"));
    }
    return new ArrayList<>(errors);
  }

  private static String keywordOf(OutputUnit unit) {
    String location = nullToEmpty(unit.getKeywordLocation());
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private List<FieldError> leafErrors(OutputUnit unit, Object instance, String pointerPrefix) {
    String keywordPointer = JsonPointers.fromFragment(nullToEmpty(unit.getKeywordLocation()));
    List<String> keywordPath = JsonPointers.tokens(keywordPointer);
    if (keywordPath.isEmpty()) {
      return List.of();
    }
    String keyword = keywordPath.get(keywordPath.size() - 1);
    if (WRAPPERS.contains(keyword)) {
      return List.of();
    }
    String instancePointer = JsonPointers.fromFragment(nullToEmpty(unit.getInstanceLocation()));
    String pointer = pointerPrefix + instancePointer;
    JsonObject owner = locator.schemaAt(keywordPath.subList(0, keywordPath.size() - 1));
    Object keywordValue = owner.getValue(keyword);

    switch (keyword) {
      case "required":
        return missingProperties(owner, instance, instancePointer, pointer);
      case "additionalProperties":
      case "unevaluatedProperties":
        return Boolean.FALSE.equals(keywordValue) && !isDeclared(owner, instancePointer)
            ? List.of(unknownField(owner, instancePointer, pointer)) : List.of();
      default:
        String detail = detail(keyword, keywordValue, owner);
        boolean aboutName = keywordPath.size() >= 2 && "propertyNames".equals(keywordPath.get(keywordPath.size() - 2));
        return List.of(new FieldError(pointer, aboutName ? "name " + detail : detail));
    }
  }

  private static List<FieldError> missingProperties(JsonObject owner, Object instance, String instancePointer,
                                                    String pointer) {
    JsonArray required = owner.getJsonArray("required", new JsonArray());
    Object at = JsonPointers.resolve(instance, instancePointer);
    List<FieldError> errors = new ArrayList<>();
    for (Object name : required) {
      if (at instanceof JsonObject object && !object.containsKey(String.valueOf(name))) {
        errors.add(new FieldError(pointer + "/" + JsonPointers.escapeToken(String.valueOf(name)), "is required"));
      }
    }
    return errors;
  }

  /**
   * vertx-json-schema also reports a declared property whose value is invalid under additionalProperties
   * (it only counts valid properties as evaluated); such a property is not unknown.
   */
  private static boolean isDeclared(JsonObject owner, String instancePointer) {
    List<String> tokens = JsonPointers.tokens(instancePointer);
    return !tokens.isEmpty()
        && owner.getJsonObject("properties", new JsonObject()).containsKey(tokens.get(tokens.size() - 1));
  }

  private static FieldError unknownField(JsonObject owner, String instancePointer, String pointer) {
    List<String> tokens = JsonPointers.tokens(instancePointer);
    String name = tokens.isEmpty() ? "" : tokens.get(tokens.size() - 1);
    if (owner.getJsonArray(IMMUTABLE, new JsonArray()).contains(name)) {
      return new FieldError(pointer, "field '" + name + "' is immutable and cannot be patched");
    }
    return new FieldError(pointer, "unknown field '" + name + "'");
  }

  private static String detail(String keyword, Object value, JsonObject owner) {
    switch (keyword) {
      case "type":
        return "must be " + describeTypes(value);
      case "enum":
        return "must be one of: " + (value instanceof JsonArray values
            ? values.stream().map(SchemaErrors::literal).collect(Collectors.joining(", ")) : "the allowed values");
      case "const":
        return "must be " + literal(value);
      case "pattern":
        return owner.getString(PATTERN_DETAIL, "must match the pattern " + value);
      case "format":
        return "must be a valid " + describeFormat(String.valueOf(value));
      case "minLength":
        return Integer.valueOf(1).equals(value) ? "must not be empty" : "must be at least " + value + " characters long";
      case "maxLength":
        return "must be at most " + value + " characters long";
      case "minimum":
        return "must be at least " + value;
      case "maximum":
        return "must be at most " + value;
      case "exclusiveMinimum":
        return "must be greater than " + value;
      case "exclusiveMaximum":
        return "must be less than " + value;
      case "multipleOf":
        return "must be a multiple of " + value;
      case "minItems":
        return "must have at least " + value + (Integer.valueOf(1).equals(value) ? " item" : " items");
      case "maxItems":
        return "must have at most " + value + " items";
      case "uniqueItems":
        return "must not contain duplicate items";
      case "contains":
      case "minContains":
        Object contains = owner.getValue("contains");
        return contains instanceof JsonObject containsSchema && containsSchema.containsKey("const")
            ? "must contain " + literal(containsSchema.getValue("const"))
            : "must contain a matching item";
      case "minProperties":
        return "must have at least " + value + (Integer.valueOf(1).equals(value) ? " field" : " fields");
      case "maxProperties":
        return "must have at most " + value + " fields";
      default:
        return "is invalid";
    }
  }

  private static String describeTypes(Object type) {
    List<String> names = new ArrayList<>();
    if (type instanceof JsonArray types) {
      types.forEach(t -> names.add(article(String.valueOf(t))));
    } else if (type != null) {
      names.add(article(String.valueOf(type)));
    }
    return names.isEmpty() ? "of the expected type" : String.join(" or ", names);
  }

  private static String article(String type) {
    switch (type) {
      case "null":
        return "null";
      case "integer":
      case "object":
      case "array":
        return "an " + type;
      default:
        return "a " + type;
    }
  }

  private static String describeFormat(String format) {
    switch (format) {
      case "regex":
        return "regular expression";
      case "date-time":
        return "RFC 3339 date-time";
      case "email":
        return "email address";
      case "uuid":
        return "UUID";
      default:
        return format;
    }
  }

  private static String literal(Object value) {
    return value instanceof String ? "\"" + value + "\"" : Json.encode(value);
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
