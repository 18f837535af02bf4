package dev.gatehouse.gateway.authn;

import java.util.Optional;

import dev.gatehouse.core.config.Idp;
import dev.gatehouse.core.config.TenantConfig;
import dev.gatehouse.core.crypto.Tokens;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code /.gatehouse/sign_in?idp=NAME&return_to=URL} on the authenticate hostname: continues at once when the
 * browser is signed in there with that IdP, else sends it to the IdP (authorization code flow with state, PKCE S256
 * and nonce). On another hostname of the tenant it redirects to the authenticate hostname.
 */
final class SignIn {

    private static final int RANDOM_BYTES = 32;

    private final AuthnContext context;
    private final Continuation continuation;

    SignIn(AuthnContext context, Continuation continuation) {
        this.context = context;
        this.continuation = continuation;
    }

    Future<Void> handle(HttpServerRequest request, TenantConfig tenant, PublicOrigin origin) {
        if (!LoginUrls.onAuthenticateHost(tenant, origin)) {
            String query = request.query() == null ? "" : "?" + request.query();
            return Responses.redirect(request.response(),
                    LoginUrls.authenticateOrigin(tenant, origin).url(LoginUrls.SIGN_IN + query));
        }
        String requested = request.getParam("idp");
        Optional<Idp> idp = requested == null
                ? tenant.idps().stream().findFirst()
                : AuthnContext.idp(tenant, requested);
        if (idp.isEmpty()) {
            Pages.send(request.response(), 400, "Sign-in failed", "This site has no such identity provider.", null, null);
            return Future.succeededFuture();
        }
        String returnTo = ReturnUrls.sanitize(request.getParam("return_to"), tenant, origin);
        return SessionAuthenticator.currentSession(context, request, tenant).compose(session -> {
            if (session.isPresent() && session.get().idpName().equals(idp.get().name())) {
                return continuation.proceed(request, tenant, origin, session.get(), returnTo);
            }
            return start(request, tenant, idp.get(), origin, returnTo);
        });
    }

    private Future<Void> start(HttpServerRequest request, TenantConfig tenant, Idp idp, PublicOrigin origin,
            String returnTo) {
        String state = Tokens.random(RANDOM_BYTES);
        String nonce = Tokens.random(RANDOM_BYTES);
        String codeVerifier = Tokens.random(RANDOM_BYTES);
        String existingBinding = LoginCookie.read(request);
        String binding = existingBinding != null ? existingBinding : Tokens.random(RANDOM_BYTES);
        PendingLogin pending = new PendingLogin(state, tenant.tenant().id(), idp.name(), nonce, codeVerifier, binding,
                returnTo, context.clock().instant().plus(LoginCookie.LIFETIME));
        return context.clients().get(idp)
                .recover(error -> Future.failedFuture(new LoginFailed(502,
                        "The identity provider of this site cannot be reached. Try again in a moment.")))
                .compose(client -> context.pendingLogins().put(pending)
                        .recover(error -> Future.failedFuture(new LoginFailed(503,
                                "Too many sign-ins are in progress. Try again in a moment.")))
                        .map(v -> client.authorizationUrl(LoginUrls.redirectUri(tenant, origin), state, nonce,
                                Pkce.challenge(codeVerifier))))
                .compose(authorizationUrl -> {
                    LoginCookie.set(request.response(), binding, origin.secure());
                    return Responses.redirect(request.response(), authorizationUrl);
                })
                .recover(error -> error instanceof LoginFailed failed
                        ? Responses.failure(request.response(), failed, returnTo)
                        : Future.failedFuture(error));
    }
}
