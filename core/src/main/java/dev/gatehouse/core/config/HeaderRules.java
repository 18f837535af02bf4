package dev.gatehouse.core.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request headers a route sets on, and removes from, the proxied request. */
public record HeaderRules(Map<String, String> set, List<String> remove) {
  public static final HeaderRules NONE = new HeaderRules(Map.of(), List.of());

  public HeaderRules {
    set = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(set));
    remove = List.copyOf(remove);
  }
}
