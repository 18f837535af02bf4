package dev.gatehouse.testkit.oidc;

import java.util.Locale;
import java.util.Map;

/** A request the fake provider received: path with query, the first value of each header (lower-case names), body. */
public record RecordedCall(String method, String path, Map<String, String> headers, String body) {

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
