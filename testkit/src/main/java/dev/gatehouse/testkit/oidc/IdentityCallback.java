package dev.gatehouse.testkit.oidc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.oauth2.sdk.TokenRequest;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;

/** Adapts an {@link IssuedIdentity} to the mock server's token callback (read on every token request). */
final class IdentityCallback implements OAuth2TokenCallback {

    private final String issuerId;
    private final IssuedIdentity identity;
    private final List<String> audience;
    private final String issuer;

    /** @param issuer the {@code iss} claim, or null for the server's own (derived from the request's host) */
    IdentityCallback(String issuerId, IssuedIdentity identity, List<String> audience, String issuer) {
        this.issuerId = issuerId;
        this.identity = identity;
        this.audience = audience;
        this.issuer = issuer;
    }

    @Override
    public String issuerId() {
        return issuerId;
    }

    @Override
    public String subject(TokenRequest tokenRequest) {
        identity.issuedFor(tokenRequest.getAuthorizationGrant().getType().getValue());
        return identity.subject();
    }

    @Override
    public String typeHeader(TokenRequest tokenRequest) {
        return "JWT";
    }

    @Override
    public List<String> audience(TokenRequest tokenRequest) {
        return audience;
    }

    @Override
    public Map<String, Object> addClaims(TokenRequest tokenRequest) {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (issuer != null) {
            claims.put("iss", issuer);
        }
        claims.putAll(identity.claims());
        return claims;
    }

    @Override
    public long tokenExpiry() {
        return identity.lifetime().toSeconds();
    }
}
