package dev.gatehouse.admin.openapi;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** An RFC 9457 problem answered by the validation handler. */
record Problem(int status, String code, String title, String detail, List<FieldError> errors) {

  static final String CONTENT_TYPE = "application/problem+json";

  /** At most this many errors are listed; a body can fail in many places at once. */
  static final int MAX_ERRORS = 50;

  static Problem invalidRequest(String detail, List<FieldError> errors) {
    return new Problem(400, "invalid-request", "Invalid request", detail, List.copyOf(errors));
  }

  static Problem invalidRequest(List<FieldError> errors) {
    if (errors.isEmpty()) {
      return invalidRequest("the request is invalid", errors);
    }
    List<FieldError> listed = errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors;
    FieldError first = errors.get(0);
    String where = first.pointer().isEmpty() ? "" : first.pointer() + " ";
    String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
    return invalidRequest(where + first.detail() + more, listed);
  }

  static Problem unsupportedMediaType(String detail) {
    return new Problem(415, "unsupported-media-type", "Unsupported media type", detail, List.of());
  }

  Buffer toBuffer() {
    JsonObject json = new JsonObject()
        .put("type", "https://gatehouse.dev/problems/" + code)
        .put("title", title)
        .put("status", status)
        .put("detail", detail);
    if (!errors.isEmpty()) {
      JsonArray array = new JsonArray();
      errors.forEach(error -> array.add(error.toJson()));
      json.put("errors", array);
    }
    return json.toBuffer();
  }
}
