package dev.gatehouse.gateway.authn;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import dev.gatehouse.core.config.Idp;
import dev.gatehouse.core.config.TenantConfig;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * Programmatic access: an {@code Authorization: Bearer} ID token issued by the IdP for the tenant's client id
 * (signature, {@code iss}, {@code aud}/{@code azp}, {@code exp}; no nonce, the client fetched it itself).
 */
final class BearerTokens {

    private final OidcClients clients;

    BearerTokens(OidcClients clients) {
        this.clients = clients;
    }

    /** The token's user; fails when the token is not a valid ID token of {@code idp}. */
    Future<Identity> verify(String token, Idp idp) {
        return clients.get(idp)
                .compose(client -> client.verifier().verify(token, null))
                .map(verified -> new Identity(idp.meta().tenantId(), idp.name(),
                        ClaimSelection.select(verified.claims(), idp.groupsClaim()), verified.expiresAt(),
                        Identity.Source.BEARER_TOKEN));
    }

    /** The tenant's IdP whose issuer the (not yet verified) token names, to verify it with. */
    static Optional<Idp> claimedIdp(String token, TenantConfig tenant) {
        String issuer = unverifiedIssuer(token);
        if (issuer == null) {
            return Optional.empty();
        }
        String wanted = trimSlash(issuer);
        return tenant.idps().stream()
                .filter(idp -> idp.issuer() != null && trimSlash(idp.issuer()).equals(wanted))
                .findFirst();
    }

    private static String unverifiedIssuer(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonObject payload = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return payload.getValue("iss") instanceof String iss ? iss : null;
        } catch (IllegalArgumentException | DecodeException e) {
            return null;
        }
    }

    private static String trimSlash(String issuer) {
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }
}
