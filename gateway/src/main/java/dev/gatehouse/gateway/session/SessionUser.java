package dev.gatehouse.gateway.session;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.gatehouse.core.policy.Principal;

/**
 * Who a session belongs to, as the identity provider said at sign-in (or at the last refresh).
 *
 * <p>A class rather than a record so that it can carry the policy's view of the user, built once here instead of
 * on every request: sessions outlive many requests and are read from several event loops, and final fields publish
 * the ready {@link Principal} to all of them safely.
 */
public final class SessionUser {

    private final String sub;
    private final String email;
    private final List<String> groups;
    private final Map<String, Object> claims;
    private final Principal principal;

    /**
     * @param email  may be null
     * @param claims a bounded selection of ID token claims (plain strings, numbers, booleans, lists and maps)
     */
    public SessionUser(String sub, String email, List<String> groups, Map<String, Object> claims) {
        this.sub = Objects.requireNonNull(sub, "sub");
        this.email = email;
        this.groups = groups == null ? List.of() : List.copyOf(groups);
        this.claims = claims == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(claims));
        this.principal = new Principal(sub, email, this.groups, this.claims);
    }

    public String sub() {
        return sub;
    }

    public String email() {
        return email;
    }

    public List<String> groups() {
        return groups;
    }

    public Map<String, Object> claims() {
        return claims;
    }

    /** The user as the policy language sees it; the same instance for the life of this user. */
    public Principal principal() {
        return principal;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionUser that
                && sub.equals(that.sub)
                && Objects.equals(email, that.email)
                && groups.equals(that.groups)
                && claims.equals(that.claims);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sub, email, groups, claims);
    }

    @Override
    public String toString() {
        return "SessionUser[sub=" + sub + ", email=" + email + ", groups=" + groups + ", claims=" + claims + "]";
    }
}
