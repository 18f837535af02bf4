package dev.gatehouse.gateway.session;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who a session belongs to, as the identity provider said at sign-in (or at the last refresh).
 *
 * @param email  may be null
 * @param claims a bounded selection of ID token claims (plain strings, numbers, booleans, lists and maps)
 */
public record SessionUser(String sub, String email, List<String> groups, Map<String, Object> claims) {

    public SessionUser {
        Objects.requireNonNull(sub, "sub");
        groups = groups == null ? List.of() : List.copyOf(groups);
        claims = claims == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(claims));
    }
}
