package dev.gatehouse.admin.openapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Converts the YAML source of the API document into plain JSON values. */
final class YamlDocument {

  private YamlDocument() {
  }

  static JsonObject parse(String yaml) {
    Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    if (!(root instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("the API document must be a YAML mapping");
    }
    return toObject(map);
  }

  private static JsonObject toObject(Map<?, ?> map) {
    JsonObject object = new JsonObject();
    map.forEach((key, value) -> object.put(String.valueOf(key), toJson(value)));
    return object;
  }

  private static Object toJson(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean
        || value instanceof Integer || value instanceof Long || value instanceof Double) {
      return value;
    }
    if (value instanceof BigInteger big) {
      return big.longValueExact();
    }
    if (value instanceof Map<?, ?> map) {
      return toObject(map);
    }
    if (value instanceof List<?> list) {
      JsonArray array = new JsonArray();
      list.forEach(item -> array.add(toJson(item)));
      return array;
    }
    // Timestamps, binary and the like have no JSON form; quote them in the YAML source.
    throw new IllegalArgumentException("unsupported YAML value of type " + value.getClass().getSimpleName());
  }
}
