package dev.gatehouse.gateway.authn;

import java.util.Optional;

import dev.gatehouse.core.config.Idp;
import dev.gatehouse.core.config.TenantConfig;
import dev.gatehouse.gateway.pages.Sentences;
import dev.gatehouse.gateway.session.Session;
import dev.gatehouse.gateway.session.SessionCookie;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code GET|POST /.gatehouse/sign_out} ends the login (the session on every hostname of the tenant), clears this
 * hostname's cookie and continues to the IdP's end-session endpoint when it has one, with
 * {@code post_logout_redirect_uri} {@code /.gatehouse/signed_out} on the authenticate hostname.
 * {@code /.gatehouse/signed_out} says so.
 */
final class SignOut {

    private final AuthnContext context;

    SignOut(AuthnContext context) {
        this.context = context;
    }

    Future<Void> handle(HttpServerRequest request, TenantConfig tenant, PublicOrigin origin) {
        String signedOut = LoginUrls.signedOut(tenant, origin);
        return SessionAuthenticator.storedSession(context, request, tenant)
                .compose(session -> session.isPresent()
                        ? end(session.get(), tenant, signedOut)
                        : Future.succeededFuture(signedOut))
                .compose(next -> {
                    SessionCookie.clear(request.response(), origin.secure());
                    return Responses.redirect(request.response(), next);
                });
    }

    Future<Void> signedOut(HttpServerRequest request, TenantConfig tenant, PublicOrigin origin) {
        if (SessionCookie.read(request) != null) {
            SessionCookie.clear(request.response(), origin.secure());
        }
        String name = tenant.tenant().displayName() == null ? tenant.tenant().slug() : tenant.tenant().displayName();
        Pages.send(request.response(), 200, "Signed out", Sentences.end("You are signed out of " + name),
                LoginUrls.authenticateOrigin(tenant, origin).url("/"), "Sign in again");
        return Future.succeededFuture();
    }

    /** Removes the login's sessions; the URL to continue to (the IdP's end session, else our signed-out page). */
    private Future<String> end(Session session, TenantConfig tenant, String signedOut) {
        Future<Integer> removed = context.sessions().removeLogin(session.tenantId(), session.loginId());
        Optional<Idp> idp = AuthnContext.idp(tenant, session.idpName());
        if (idp.isEmpty()) {
            return removed.map(n -> signedOut);
        }
        return removed.compose(n -> context.clients().get(idp.get()))
                .map(client -> client.endSessionUrl(session.tokens().idToken(), signedOut))
                .map(url -> url == null ? signedOut : url)
                .otherwise(signedOut);
    }
}
