package dev.gatehouse.admin.http;

import dev.gatehouse.core.store.Page;
import dev.gatehouse.core.store.PageRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;

/** limit / page_token query parameters and the {items, next_page_token} envelope. Tokens are opaque. */
public final class Paging {
  private Paging() {}

  public static PageRequest request(RoutingContext ctx) {
    return request(ctx, cursor -> true);
  }

  /** As {@link #request(RoutingContext)}, refusing tokens whose cursor {@code validCursor} rejects. */
  public static PageRequest request(RoutingContext ctx, java.util.function.Predicate<String> validCursor) {
    String limitParam = ctx.request().getParam("limit");
    int limit = PageRequest.DEFAULT_LIMIT;
    if (limitParam != null) {
      try {
        limit = Integer.parseInt(limitParam);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
        throw Problem.invalid("#/query/limit", "must be an integer from 1 to " + PageRequest.MAX_LIMIT);
      }
    }
    String token = ctx.request().getParam("page_token");
    String cursor = token == null || token.isEmpty() ? null : decode(token);
    if (cursor != null && !validCursor.test(cursor)) {
      throw Problem.invalid("#/query/page_token", "is not a valid page token");
    }
    return new PageRequest(limit, cursor);
  }

  public static <T> JsonObject envelope(Page<T> page, Function<T, JsonObject> codec) {
    JsonArray items = new JsonArray();
    page.items().forEach(item -> items.add(codec.apply(item)));
    return envelope(items, page);
  }

  /** The envelope for items already rendered from {@code page}. */
  public static JsonObject envelope(JsonArray items, Page<?> page) {
    return new JsonObject().put("items", items).put("next_page_token", page.next() == null ? null : encode(page.next()));
  }

  private static String encode(String cursor) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String token) {
    try {
      String cursor = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (cursor.isEmpty() || cursor.length() > 300) {
        throw new IllegalArgumentException();
      }
      return cursor;
    } catch (IllegalArgumentException e) {
      throw Problem.invalid("#/query/page_token", "is not a valid page token");
    }
  }
}
