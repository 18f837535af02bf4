package dev.gatehouse.admin.resources;

import dev.gatehouse.admin.http.Problem;
import io.vertx.core.Future;
import java.util.List;

final class References {
  private References() {}

  /** 409 "upstream web is used by routes: home, api" when {@code routes} is not empty. */
  static Future<Void> refuseIfUsed(String type, String name, List<String> routes) {
    if (routes.isEmpty()) {
      return Future.succeededFuture();
    }
    return Future.failedFuture(
        Problem.conflict(type + " " + name + " is used by routes: " + String.join(", ", routes)));
  }
}
