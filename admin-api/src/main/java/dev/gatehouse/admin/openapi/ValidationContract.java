package dev.gatehouse.admin.openapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.MediaType;

/**
 * Derives from the published document the variant used for request validation.
 * <ul>
 *   <li>vertx-openapi 5.0 rejects relative server URLs (it parses them with java.net.URL) and response media types
 *   outside its fixed list (application/problem+json among them); neither matters for validating requests.</li>
 *   <li>Patterns are ECMA-262 in the document but run as java.util.regex: a trailing {@code $} also matches before a
 *   final line break in Java, so it becomes {@code \z}; and a length lookahead taken from {@code maxLength} keeps
 *   a megabyte-long value from driving a pattern into deep recursion or heavy backtracking.</li>
 * </ul>
 */
final class ValidationContract {

  private static final String PLACEHOLDER_ORIGIN = "http://gatehouse.invalid";

  private ValidationContract() {
  }

  static JsonObject from(JsonObject document) {
    JsonObject contract = document.copy();
    absoluteServerUrls(contract.getJsonArray("servers", new JsonArray()));
    JsonObject components = contract.getJsonObject("components", new JsonObject());
    stripUnsupportedContent(components.getJsonObject("responses", new JsonObject()));
    JsonObject paths = contract.getJsonObject("paths", new JsonObject());
    for (String path : paths.fieldNames()) {
      JsonObject pathItem = paths.getJsonObject(path);
      for (String method : pathItem.fieldNames()) {
        if (pathItem.getValue(method) instanceof JsonObject operation && operation.containsKey("responses")) {
          stripUnsupportedContent(operation.getJsonObject("responses"));
        }
      }
    }
    javaPatterns(contract);
    return contract;
  }

  private static void absoluteServerUrls(JsonArray servers) {
    for (Object server : servers) {
      JsonObject serverObject = (JsonObject) server;
      String url = serverObject.getString("url", "");
      if (url.startsWith("/")) {
        serverObject.put("url", PLACEHOLDER_ORIGIN + url);
      }
    }
  }

  private static void stripUnsupportedContent(JsonObject responses) {
    for (String status : responses.fieldNames()) {
      JsonObject content = responses.getJsonObject(status).getJsonObject("content");
      if (content != null) {
        content.fieldNames().removeIf(mediaType -> !MediaType.isMediaTypeSupported(mediaType));
      }
    }
  }

  private static void javaPatterns(Object node) {
    if (node instanceof JsonObject object) {
      if (object.getValue("pattern") instanceof String pattern) {
        object.put("pattern", javaPattern(pattern, object.getValue("maxLength")));
      }
      object.forEach(entry -> javaPatterns(entry.getValue()));
    } else if (node instanceof JsonArray array) {
      array.forEach(ValidationContract::javaPatterns);
    }
  }

  static String javaPattern(String ecmaPattern, Object maxLength) {
    String pattern = ecmaPattern;
    if (pattern.endsWith("$") && !endsWithEscape(pattern.substring(0, pattern.length() - 1))) {
      pattern = pattern.substring(0, pattern.length() - 1) + "\\z";
    }
    if (maxLength instanceof Integer limit) {
      pattern = "^(?=[\\s\\S]{0," + limit + "}\\z)" + pattern;
    }
    return pattern;
  }

  private static boolean endsWithEscape(String text) {
    int backslashes = 0;
    for (int i = text.length() - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }
}
