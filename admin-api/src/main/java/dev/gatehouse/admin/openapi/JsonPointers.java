package dev.gatehouse.admin.openapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The locations in vertx-json-schema output units are URI fragments ({@code #/a%20b/c}); these helpers turn them
 * into RFC 6901 JSON pointers and follow them through a JSON document.
 */
final class JsonPointers {

  private JsonPointers() {
  }

  /** {@code #/a%20b/c~1d} → {@code /a b/c~1d} (still RFC 6901 escaped). */
  static String fromFragment(String fragment) {
    String path = fragment.startsWith("#") ? fragment.substring(1) : fragment;
    return percentDecode(path);
  }

  /** The unescaped reference tokens of a JSON pointer. */
  static List<String> tokens(String pointer) {
    List<String> tokens = new ArrayList<>();
    if (pointer.isEmpty()) {
      return tokens;
    }
    for (String token : pointer.substring(1).split("/", -1)) {
      tokens.add(token.replace("~1", "/").replace("~0", "~"));
    }
    return tokens;
  }

  static String escapeToken(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** The value at the pointer, or null when there is none. */
  static Object resolve(Object document, String pointer) {
    Object current = document;
    for (String token : tokens(pointer)) {
      if (current instanceof JsonObject object) {
        current = object.getValue(token);
      } else if (current instanceof JsonArray array && token.matches("[0-9]{1,9}")
          && Integer.parseInt(token) < array.size()) {
        current = array.getValue(Integer.parseInt(token));
      } else {
        return null;
      }
    }
    return current;
  }

  static String percentDecode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    int i = 0;
    while (i < text.length()) {
      int codePoint = text.codePointAt(i);
      int hex = codePoint == '%' && i + 2 < text.length() ? hexByte(text, i + 1) : -1;
      if (hex >= 0) {
        bytes.write(hex);
        i += 3;
      } else {
        byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
        i += Character.charCount(codePoint);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static int hexByte(String text, int at) {
    int high = Character.digit(text.charAt(at), 16);
    int low = Character.digit(text.charAt(at + 1), 16);
    return high < 0 || low < 0 ? -1 : high * 16 + low;
  }
}
