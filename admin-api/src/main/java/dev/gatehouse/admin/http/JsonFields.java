package dev.gatehouse.admin.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed reading of a request body that collects every problem with its JSON pointer instead of stopping at the
 * first one. Call {@link #done()} to throw the collected 400.
 */
public final class JsonFields {
  private final JsonObject body;
  private final String base;
  private final List<FieldError> errors;

  public JsonFields(JsonObject body) {
    this(body, "", new ArrayList<>());
  }

  private JsonFields(JsonObject body, String base, List<FieldError> errors) {
    this.body = body;
    this.base = base;
    this.errors = errors;
  }

  public JsonObject body() {
    return body;
  }

  public String pointer(String field) {
    return base + "/" + field;
  }

  public void error(String field, String detail) {
    errors.add(new FieldError(pointer(field), detail));
  }

  public void errorAt(String pointer, String detail) {
    errors.add(new FieldError(pointer, detail));
  }

  public boolean has(String field) {
    return body.containsKey(field);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  public void allowOnly(Set<String> fields) {
    for (String name : body.fieldNames()) {
      if (!fields.contains(name)) {
        error(name, "unknown field");
      }
    }
  }

  /** A string field; null when absent or JSON null (then {@code required} makes it an error). */
  public String string(String field, boolean required, int minLength, int maxLength) {
    Object value = body.getValue(field);
    if (value == null) {
      if (required) {
        error(field, "is required");
      }
      return null;
    }
    if (!(value instanceof String s)) {
      error(field, "must be a string");
      return null;
    }
    if (s.length() < minLength || s.length() > maxLength) {
      error(field, minLength == maxLength ? "must be " + minLength + " characters"
          : "must be " + minLength + " to " + maxLength + " characters long");
      return null;
    }
    return s;
  }

  public String matching(String field, boolean required, Pattern pattern, String description) {
    String s = string(field, required, 1, 2000);
    if (s != null && !pattern.matcher(s).matches()) {
      error(field, "must be " + description);
      return null;
    }
    return s;
  }

  public boolean bool(String field, boolean defaultValue) {
    Object value = body.getValue(field);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof Boolean b)) {
      error(field, "must be a boolean");
      return defaultValue;
    }
    return b;
  }

  /** An array of strings; {@code defaultValue} when absent or null. */
  public List<String> strings(String field, List<String> defaultValue, int maxLength) {
    Object value = body.getValue(field);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof JsonArray array)) {
      error(field, "must be an array of strings");
      return defaultValue;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      Object item = array.getValue(i);
      if (!(item instanceof String s) || s.isEmpty() || s.length() > maxLength) {
        errorAt(pointer(field) + "/" + i, "must be a non-empty string of at most " + maxLength + " characters");
      } else {
        out.add(s);
      }
    }
    return out;
  }

  /** An object of string values; {@code defaultValue} when absent or null. */
  public Map<String, String> stringMap(String field, Map<String, String> defaultValue, int maxLength) {
    Object value = body.getValue(field);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof JsonObject object)) {
      error(field, "must be an object of strings");
      return defaultValue;
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String key : object.fieldNames()) {
      Object item = object.getValue(key);
      if (!(item instanceof String s) || s.length() > maxLength) {
        errorAt(pointer(field) + "/" + escape(key), "must be a string of at most " + maxLength + " characters");
      } else {
        out.put(key, s);
      }
    }
    return out;
  }

  /** A nested object read with the same error list; null when absent or JSON null. */
  public JsonFields object(String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonObject object)) {
      error(field, "must be an object");
      return null;
    }
    return new JsonFields(object, pointer(field), errors);
  }

  public JsonArray array(String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonArray array)) {
      error(field, "must be an array");
      return null;
    }
    return array;
  }

  /** Throws the collected problems as one 400. */
  public void done() {
    if (!errors.isEmpty()) {
      throw Problem.invalid(errors);
    }
  }

  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
