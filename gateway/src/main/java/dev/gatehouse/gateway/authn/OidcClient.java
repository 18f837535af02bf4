package dev.gatehouse.gateway.authn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Closeable;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2AuthorizationURL;
import io.vertx.ext.auth.oauth2.OAuth2FlowType;
import io.vertx.ext.auth.oauth2.Oauth2Credentials;

/**
 * One tenant's client at one identity provider, built from OIDC discovery: authorization URLs, code exchange,
 * refresh and end-session URLs through vertx-auth-oauth2's {@link OAuth2Auth}; ID token checks through our own
 * {@link IdTokenVerifier}, because OAuth2Auth lets a token exchange with an invalid ID token succeed.
 */
final class OidcClient {

    private final OAuth2Auth auth;
    private final String clientId;
    private final List<String> scopes;
    private final boolean hasEndSession;
    private final IdTokenVerifier verifier;

    OidcClient(OAuth2Auth auth, String clientId, List<String> scopes, boolean hasEndSession, IdTokenVerifier verifier) {
        this.auth = auth;
        this.clientId = clientId;
        this.scopes = withOpenId(scopes);
        this.hasEndSession = hasEndSession;
        this.verifier = verifier;
    }

    IdTokenVerifier verifier() {
        return verifier;
    }

    String authorizationUrl(String redirectUri, String state, String nonce, String codeChallenge) {
        return auth.authorizeURL(new OAuth2AuthorizationURL()
                .setRedirectUri(redirectUri)
                .setScopes(scopes)
                .setState(state)
                .setCodeChallenge(codeChallenge)
                .setCodeChallengeMethod(Pkce.METHOD)
                .putAdditionalParameter("nonce", nonce));
    }

    Future<IdpTokens> exchange(String code, String codeVerifier, String redirectUri) {
        return auth.authenticate(new Oauth2Credentials()
                        .setFlow(OAuth2FlowType.AUTH_CODE)
                        .setCode(code)
                        .setCodeVerifier(codeVerifier)
                        .setRedirectUri(redirectUri))
                .map(OidcClient::tokens)
                .timeout(JwksKeys.HTTP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }

    Future<IdpTokens> refresh(String refreshToken) {
        return auth.refresh(User.create(new JsonObject().put("refresh_token", refreshToken)))
                .map(OidcClient::tokens)
                .timeout(JwksKeys.HTTP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The provider's end-session URL, or null when it has none. */
    String endSessionUrl(String idTokenHint, String postLogoutRedirectUri) {
        if (!hasEndSession) {
            return null;
        }
        JsonObject params = new JsonObject()
                .put("post_logout_redirect_uri", postLogoutRedirectUri)
                .put("client_id", clientId);
        return auth.endSessionURL(User.create(new JsonObject().put("id_token", idTokenHint)), params);
    }

    Future<Void> close() {
        if (auth instanceof Closeable closeable) {
            Promise<Void> closed = Promise.promise();
            closeable.close(closed);
            return closed.future();
        }
        return Future.succeededFuture();
    }

    private static IdpTokens tokens(User user) {
        JsonObject principal = user.principal();
        Object expiresIn = principal.getValue("expires_in");
        return new IdpTokens(principal.getString("id_token"), principal.getString("refresh_token"),
                expiresIn instanceof Number n ? n.longValue() : null);
    }

    private static List<String> withOpenId(List<String> scopes) {
        List<String> all = new ArrayList<>(scopes == null || scopes.isEmpty() ? List.of("openid", "email", "profile")
                : scopes);
        if (!all.contains("openid")) {
            all.add(0, "openid");
        }
        return List.copyOf(all);
    }
}
