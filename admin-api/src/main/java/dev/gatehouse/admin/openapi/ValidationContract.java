package dev.gatehouse.admin.openapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.MediaType;

/**
 * Derives from the published document the variant that vertx-openapi 5.0 accepts for request validation.
 * vertx-openapi rejects relative server URLs (it parses them with java.net.URL) and response media types
 * outside its fixed list (application/problem+json among them); neither matters for validating requests.
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
}
