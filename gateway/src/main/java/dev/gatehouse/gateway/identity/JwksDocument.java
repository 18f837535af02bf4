package dev.gatehouse.gateway.identity;

import dev.gatehouse.core.store.SigningKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A tenant's JWKS, rendered once: {@code {"keys":[{kid, kty, crv, x, y, alg, use}, …]}}, the active key first.
 * {@code validUntil} is when the next retired key leaves it (null: until the key ring changes).
 */
public final class JwksDocument {
    private final String json;
    private final Instant validUntil;

    private JwksDocument(String json, Instant validUntil) {
        this.json = json;
        this.validUntil = validUntil;
    }

    static JwksDocument render(List<SigningKey> keys, Instant validUntil) {
        JsonArray rendered = new JsonArray();
        keys.forEach(key -> rendered.add(key.publishedJwk()));
        return new JwksDocument(new JsonObject().put("keys", rendered).encode(), validUntil);
    }

    public String json() {
        return json;
    }

    public Instant validUntil() {
        return validUntil;
    }

    boolean validAt(Instant now) {
        return validUntil == null || now.isBefore(validUntil);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JwksDocument d && json.equals(d.json) && Objects.equals(validUntil, d.validUntil);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return json;
    }
}
