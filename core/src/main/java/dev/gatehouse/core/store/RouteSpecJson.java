package dev.gatehouse.core.store;

import dev.gatehouse.core.config.HeaderRules;
import dev.gatehouse.core.config.RouteMatch;
import dev.gatehouse.core.config.RouteOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The routes.spec jsonb column: the route fields that no foreign key refers to. */
final class RouteSpecJson {
  private RouteSpecJson() {}

  static JsonObject encode(RouteMatch match, JsonArray policy, RouteOptions o, HeaderRules headers, String timeout) {
    return new JsonObject()
        .put("match", new JsonObject().put("kind", match.kind().name().toLowerCase(Locale.ROOT))
            .put("value", match.value()))
        .put("policy", policy)
        .put("pass_identity_headers", o.passIdentityHeaders())
        .put("allow_public_unauthenticated_access", o.allowPublicUnauthenticatedAccess())
        .put("allow_any_authenticated_user", o.allowAnyAuthenticatedUser())
        .put("cors_allow_preflight", o.corsAllowPreflight())
        .put("allow_websockets", o.allowWebsockets())
        .put("set_request_headers", new JsonObject(new LinkedHashMap<>(headers.set())))
        .put("remove_request_headers", new JsonArray(List.copyOf(headers.remove())))
        .put("timeout", timeout);
  }

  static RouteMatch match(JsonObject spec) {
    JsonObject m = spec.getJsonObject("match");
    return new RouteMatch(RouteMatch.Kind.valueOf(m.getString("kind").toUpperCase(Locale.ROOT)), m.getString("value"));
  }

  static RouteOptions options(JsonObject spec) {
    return new RouteOptions(
        spec.getBoolean("pass_identity_headers", false),
        spec.getBoolean("allow_public_unauthenticated_access", false),
        spec.getBoolean("allow_any_authenticated_user", false),
        spec.getBoolean("cors_allow_preflight", false),
        spec.getBoolean("allow_websockets", false));
  }

  static HeaderRules headers(JsonObject spec) {
    Map<String, String> set = new LinkedHashMap<>();
    spec.getJsonObject("set_request_headers", new JsonObject()).forEach(e -> set.put(e.getKey(), (String) e.getValue()));
    List<String> remove = spec.getJsonArray("remove_request_headers", new JsonArray()).stream()
        .map(String.class::cast).toList();
    return new HeaderRules(set, remove);
  }
}
