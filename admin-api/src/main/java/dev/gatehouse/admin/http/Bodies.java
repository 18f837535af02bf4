package dev.gatehouse.admin.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Reads the JSON object body of a request, or ends it with 415 / 400. */
public final class Bodies {
  private Bodies() {}

  public static JsonObject object(RoutingContext ctx) {
    String contentType = ctx.request().getHeader("Content-Type");
    if (!isJson(contentType)) {
      throw Problem.unsupportedMediaType();
    }
    var body = ctx.body();
    if (body == null || body.buffer() == null || body.length() == 0) {
      throw Problem.badRequest("a JSON object body is required");
    }
    Object parsed;
    try {
      parsed = io.vertx.core.json.Json.decodeValue(body.buffer());
    } catch (DecodeException e) {
      throw Problem.badRequest("the body is not well-formed JSON");
    }
    if (!(parsed instanceof JsonObject json)) {
      throw Problem.invalid("", "must be a JSON object");
    }
    // PostgreSQL text and jsonb cannot hold NUL characters; refuse them here rather than fail at the database.
    if (json.encode().contains("\\u0000")) {
      throw Problem.badRequest("strings must not contain NUL characters");
    }
    return json;
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
    return mediaType.equals("application/json") || mediaType.endsWith("+json");
  }
}
