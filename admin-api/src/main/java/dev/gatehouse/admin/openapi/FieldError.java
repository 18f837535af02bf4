package dev.gatehouse.admin.openapi;

import io.vertx.core.json.JsonObject;

/** One validation failure: where (a JSON pointer, or {@code #/query/limit} style for parameters) and what. */
record FieldError(String pointer, String detail) {

  JsonObject toJson() {
    return new JsonObject().put("pointer", pointer).put("detail", detail);
  }
}
