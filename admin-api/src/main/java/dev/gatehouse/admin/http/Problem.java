package dev.gatehouse.admin.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** An RFC 9457 problem, thrown to end a request with a 4xx answer. */
public final class Problem extends RuntimeException {
  public static final String CONTENT_TYPE = "application/problem+json";
  private static final String TYPE_BASE = "https://gatehouse.dev/problems/";

  private final int status;
  private final String code;
  private final String title;
  private final List<FieldError> errors;

  private Problem(int status, String code, String title, String detail, List<FieldError> errors) {
    super(detail, null, false, false);
    this.status = status;
    this.code = code;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  /** At most this many errors are listed; a body can fail in many places at once. */
  public static final int MAX_ERRORS = 50;

  /** A 400 naming the first error in its detail, and listing up to {@link #MAX_ERRORS} of them. */
  public static Problem invalid(List<FieldError> errors) {
    if (errors.isEmpty()) {
      return badRequest("the request is invalid");
    }
    FieldError first = errors.get(0);
    String where = first.pointer().isEmpty() ? "" : first.pointer() + " ";
    String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
    List<FieldError> listed = errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors;
    return new Problem(400, "invalid-request", "Invalid request", where + first.detail() + more, listed);
  }

  public static Problem invalid(String pointer, String detail) {
    return invalid(List.of(new FieldError(pointer, detail)));
  }

  public static Problem badRequest(String detail) {
    return new Problem(400, "invalid-request", "Invalid request", detail, List.of());
  }

  public static Problem unauthenticated() {
    return new Problem(401, "unauthenticated", "Unauthenticated",
        "a valid operator token or admin key is required", List.of());
  }

  public static Problem forbidden(String detail) {
    return new Problem(403, "forbidden", "Forbidden", detail, List.of());
  }

  public static Problem notFound() {
    return new Problem(404, "not-found", "Not found", "no such resource", List.of());
  }

  public static Problem methodNotAllowed() {
    return new Problem(405, "method-not-allowed", "Method not allowed",
        "this method is not allowed on this resource", List.of());
  }

  public static Problem conflict(String detail) {
    return new Problem(409, "conflict", "Conflict", detail, List.of());
  }

  public static Problem preconditionFailed(int currentVersion) {
    return new Problem(412, "precondition-failed", "Precondition failed",
        "If-Match does not match the current version \"" + currentVersion + "\"", List.of());
  }

  public static Problem payloadTooLarge() {
    return new Problem(413, "payload-too-large", "Payload too large", "the request body exceeds 1 MiB", List.of());
  }

  public static Problem unsupportedMediaType() {
    return unsupportedMediaType("the request body must be application/json");
  }

  public static Problem unsupportedMediaType(String detail) {
    return new Problem(415, "unsupported-media-type", "Unsupported media type", detail, List.of());
  }

  public static Problem serverError(String requestId) {
    return new Problem(500, "internal-error", "Internal server error",
        "an unexpected error occurred; request id " + requestId, List.of());
  }

  public static Problem unavailable(String detail) {
    return new Problem(503, "unavailable", "Service unavailable", detail, List.of());
  }

  public int status() {
    return status;
  }

  public List<FieldError> errors() {
    return errors;
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("type", TYPE_BASE + code)
        .put("title", title)
        .put("status", status)
        .put("detail", getMessage());
    if (!errors.isEmpty()) {
      JsonArray list = new JsonArray();
      errors.forEach(e -> list.add(new JsonObject().put("pointer", e.pointer()).put("detail", e.detail())));
      json.put("errors", list);
    }
    return json;
  }
}
