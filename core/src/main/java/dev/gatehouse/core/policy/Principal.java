package dev.gatehouse.core.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signed-in user as the policy sees it.
 *
 * @param sub    the user id (the {@code user} criterion matches it)
 * @param email  email address, may be null
 * @param groups group ids or names (the {@code groups} criterion), never null after construction
 * @param claims identity-provider claims (the {@code claim/NAME} criterion): values are strings, numbers,
 *               booleans, lists of those or nested maps; never null after construction
 */
public record Principal(String sub, String email, List<String> groups, Map<String, Object> claims) {

    public Principal {
        groups = copyWithoutNulls(groups);
        claims = claims == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(claims));
    }

    private static List<String> copyWithoutNulls(List<String> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        List<String> copy = new ArrayList<>(values.size());
        for (String value : values) {
            if (value != null) {
                copy.add(value);
            }
        }
        return List.copyOf(copy);
    }
}
