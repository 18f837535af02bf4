package dev.gatehouse.gateway.authn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.gatehouse.gateway.session.SessionUser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What a session keeps of an ID token: subject, email, groups (from the IdP's groups claim) and the other claims
 * without the protocol ones. Bounded: a token carrying more is refused rather than cut short, because dropping a
 * group or claim could lift a deny rule.
 */
final class ClaimSelection {

    static final int MAX_CLAIM_CHARS = 16 * 1024;
    static final int MAX_GROUPS = 1000;
    private static final Set<String> PROTOCOL_CLAIMS = Set.of(
            "aud", "exp", "iat", "nbf", "nonce", "at_hash", "c_hash", "s_hash", "jti", "azp", "auth_time", "sid");

    private ClaimSelection() {
    }

    /** @throws TokenRejected when the claims exceed the bounds or the groups claim is malformed */
    static SessionUser select(JsonObject claims, String groupsClaim) {
        Map<String, Object> kept = new LinkedHashMap<>();
        for (String name : claims.fieldNames()) {
            if (!PROTOCOL_CLAIMS.contains(name)) {
                kept.put(name, plain(claims.getValue(name)));
            }
        }
        if (new JsonObject(kept).encode().length() > MAX_CLAIM_CHARS) {
            throw new TokenRejected("the ID token carries more than " + MAX_CLAIM_CHARS + " characters of claims");
        }
        Object email = claims.getValue("email");
        return new SessionUser(claims.getString("sub"), email instanceof String e ? e : null,
                groups(claims.getValue(groupsClaim == null ? "groups" : groupsClaim)), kept);
    }

    private static List<String> groups(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String single) {
            return List.of(single);
        }
        if (!(value instanceof JsonArray array)) {
            throw new TokenRejected("the groups claim is neither a string nor a list");
        }
        if (array.size() > MAX_GROUPS) {
            throw new TokenRejected("the ID token names more than " + MAX_GROUPS + " groups");
        }
        List<String> groups = new ArrayList<>(array.size());
        for (Object group : array) {
            if (group instanceof String name) {
                groups.add(name);
            } else if (group instanceof Number || group instanceof Boolean) {
                groups.add(String.valueOf(group));
            }
        }
        return groups;
    }

    /** JSON values as plain Java maps and lists, so sessions hold no Vert.x types. */
    private static Object plain(Object value) {
        if (value instanceof JsonObject object) {
            Map<String, Object> map = new LinkedHashMap<>();
            object.forEach(entry -> map.put(entry.getKey(), plain(entry.getValue())));
            return map;
        }
        if (value instanceof JsonArray array) {
            List<Object> list = new ArrayList<>(array.size());
            array.forEach(item -> list.add(plain(item)));
            return list;
        }
        return value;
    }
}
