package dev.gatehouse.gateway.authn;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.gatehouse.core.policy.Principal;
import dev.gatehouse.gateway.session.SessionUser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * An authenticated user of one tenant, from a session or a bearer ID token.
 *
 * @param expiresAt when the session or the token ends
 */
public record Identity(UUID tenantId, String idpName, SessionUser user, Instant expiresAt, Source source) {

    public enum Source { SESSION, BEARER_TOKEN }

    public Identity {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(idpName, "idpName");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(source, "source");
    }

    /** The user as the policy language sees it (built once per {@link SessionUser}, shared by its requests). */
    public Principal principal() {
        return user.principal();
    }

    /** What {@code /.gatehouse/} answers API clients. */
    public JsonObject toJson(String tenantSlug) {
        return new JsonObject()
                .put("sub", user.sub())
                .put("email", user.email())
                .put("groups", new JsonArray(user.groups()))
                .put("claims", new JsonObject(user.claims()))
                .put("tenant", tenantSlug)
                .put("expires_at", expiresAt.toString());
    }
}
