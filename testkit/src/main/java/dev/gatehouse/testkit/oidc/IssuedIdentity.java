package dev.gatehouse.testkit.oidc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who the fake provider says signed in, and how long its tokens live. Extra claims are applied last, so they can
 * also replace {@code iss}, {@code aud}, {@code nonce} or {@code azp} (to test that a client refuses such tokens).
 * Thread-safe: the provider reads it on its own threads.
 */
public final class IssuedIdentity {

    private String subject = UUID.randomUUID().toString();
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private Duration lifetime = Duration.ofHours(1);
    private final List<String> grantTypes = new ArrayList<>();

    public synchronized IssuedIdentity subject(String newSubject) {
        this.subject = newSubject;
        return this;
    }

    public synchronized IssuedIdentity email(String email) {
        return claim("email", email);
    }

    public synchronized IssuedIdentity groups(String... groups) {
        return claim("groups", List.of(groups));
    }

    public synchronized IssuedIdentity claim(String name, Object value) {
        claims.put(name, value);
        return this;
    }

    public synchronized IssuedIdentity lifetime(Duration newLifetime) {
        this.lifetime = newLifetime;
        return this;
    }

    public synchronized String subject() {
        return subject;
    }

    synchronized Map<String, Object> claims() {
        return new LinkedHashMap<>(claims);
    }

    synchronized Duration lifetime() {
        return lifetime;
    }

    /** The grant types ({@code authorization_code}, {@code refresh_token}) of the token responses issued so far. */
    public synchronized List<String> grantTypes() {
        return List.copyOf(grantTypes);
    }

    synchronized void issuedFor(String grantType) {
        if (grantTypes.isEmpty() || !grantTypes.get(grantTypes.size() - 1).equals(grantType)) {
            grantTypes.add(grantType);
        }
    }
}
