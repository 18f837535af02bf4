package dev.gatehouse.gateway.authn;

import java.util.Objects;
import java.util.Optional;

import dev.gatehouse.core.config.Idp;
import dev.gatehouse.core.config.TenantConfig;
import dev.gatehouse.gateway.session.Session;
import dev.gatehouse.gateway.session.SessionCookie;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;

/** Session cookie first, then a bearer ID token, else a challenge. */
final class SessionAuthenticator implements Authenticator {

    private final AuthnContext context;
    private final BearerTokens bearerTokens;

    SessionAuthenticator(AuthnContext context, BearerTokens bearerTokens) {
        this.context = context;
        this.bearerTokens = bearerTokens;
    }

    @Override
    public Future<AuthResult> authenticate(HttpServerRequest request, TenantConfig tenant, Idp idp, PublicOrigin origin) {
        Objects.requireNonNull(idp, "idp");
        Future<Optional<Session>> fresh = Completed.then(storedSession(context, request, tenant),
                found -> found.isPresent() && found.get().idpName().equals(idp.name())
                        ? context.refresher().ensureFresh(found.get(), tenant)
                        : Future.succeededFuture(Optional.<Session>empty()));
        return Completed.then(fresh, session -> {
            if (session.isPresent()) {
                return Future.succeededFuture(new AuthResult.Authenticated(identity(session.get())));
            }
            String bearer = Clients.bearerToken(request);
            if (bearer != null) {
                return bearerTokens.verify(bearer, idp)
                        .<AuthResult>map(AuthResult.Authenticated::new)
                        .otherwise(error -> new AuthResult.Unauthenticated(loginUrl(request, tenant, idp.name(),
                                origin)));
            }
            return Future.succeededFuture(
                    new AuthResult.Deferred(() -> challenge(request, tenant, idp.name(), origin)));
        });
    }

    /** The live session the request's cookie names, if it belongs to this tenant (not refreshed). */
    static Future<Optional<Session>> storedSession(AuthnContext context, HttpServerRequest request, TenantConfig tenant) {
        String id = SessionCookie.read(request);
        return id == null
                ? Future.succeededFuture(Optional.empty())
                : context.sessions().get(tenant.tenant().id(), id);
    }

    /** The live session the request's cookie names, refreshed if due. */
    static Future<Optional<Session>> currentSession(AuthnContext context, HttpServerRequest request, TenantConfig tenant) {
        return Completed.then(storedSession(context, request, tenant), found -> found.isPresent()
                ? context.refresher().ensureFresh(found.get(), tenant)
                : Future.succeededFuture(Optional.empty()));
    }

    static Identity identity(Session session) {
        return new Identity(session.tenantId(), session.idpName(), session.user(), session.expiresAt(),
                Identity.Source.SESSION);
    }

    /** A redirect to sign in for browsers, a 401 for other clients; both come back to this request's URL. */
    static AuthResult.Challenge challenge(HttpServerRequest request, TenantConfig tenant, String idpName,
            PublicOrigin origin) {
        String loginUrl = loginUrl(request, tenant, idpName, origin);
        return Clients.isBrowser(request) ? new AuthResult.Redirect(loginUrl) : new AuthResult.Unauthenticated(loginUrl);
    }

    private static String loginUrl(HttpServerRequest request, TenantConfig tenant, String idpName, PublicOrigin origin) {
        return LoginUrls.signIn(tenant, origin, idpName, origin.url(Clients.pathAndQuery(request)));
    }
}
