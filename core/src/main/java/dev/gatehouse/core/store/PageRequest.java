package dev.gatehouse.core.store;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A page to read: at most {@code limit} items strictly after the cursor {@code after} (null = from the start). */
public record PageRequest(int limit, String after) {
  public static final int MAX_LIMIT = 200;
  public static final int DEFAULT_LIMIT = 50;

  public PageRequest {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
    }
  }

  public static PageRequest first(int limit) {
    return new PageRequest(limit, null);
  }

  /** Builds a page from rows read with LIMIT {@code limit + 1}: the extra row only says there is more. */
  <T> Page<T> toPage(RowSet<Row> rows, Function<Row, T> mapper, Function<T, String> cursorOf) {
    List<T> items = new ArrayList<>();
    for (Row row : rows) {
      items.add(mapper.apply(row));
    }
    if (items.size() <= limit) {
      return new Page<>(items, null);
    }
    List<T> page = items.subList(0, limit);
    return new Page<>(page, cursorOf.apply(page.get(limit - 1)));
  }
}
