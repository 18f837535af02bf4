package dev.gatehouse.gateway.authn;

import dev.gatehouse.gateway.pages.Html;

import java.time.format.DateTimeFormatter;
import java.util.Optional;

import dev.gatehouse.core.config.Idp;
import dev.gatehouse.core.config.TenantConfig;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * {@code /.gatehouse/}: the signed-in user (session, else a bearer ID token of one of the tenant's IdPs). JSON
 * {@code {"sub","email","groups","claims","tenant","expires_at"}} for API clients, a small page for browsers.
 */
final class WhoAmI {

    private final AuthnContext context;
    private final BearerTokens bearerTokens;

    WhoAmI(AuthnContext context, BearerTokens bearerTokens) {
        this.context = context;
        this.bearerTokens = bearerTokens;
    }

    Future<Void> handle(HttpServerRequest request, TenantConfig tenant, PublicOrigin origin) {
        String defaultIdp = tenant.idps().isEmpty() ? "" : tenant.idps().get(0).name();
        return SessionAuthenticator.currentSession(context, request, tenant)
                .compose(session -> {
                    if (session.isPresent()) {
                        return Future.succeededFuture(Optional.of(SessionAuthenticator.identity(session.get())));
                    }
                    return bearer(request, tenant);
                })
                .compose(identity -> {
                    if (identity.isEmpty()) {
                        SessionAuthenticator.challenge(request, tenant, defaultIdp, origin).send(request,
                                dev.gatehouse.gateway.pages.Pages.requestIdOf(request.response()));
                        return Future.<Void>succeededFuture();
                    }
                    return Clients.isBrowser(request)
                            ? page(request.response(), tenant, identity.get())
                            : request.response()
                                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                                    .end(identity.get().toJson(tenant.tenant().slug()).encode());
                });
    }

    private Future<Optional<Identity>> bearer(HttpServerRequest request, TenantConfig tenant) {
        String token = Clients.bearerToken(request);
        Optional<Idp> idp = token == null ? Optional.empty() : BearerTokens.claimedIdp(token, tenant);
        if (idp.isEmpty()) {
            return Future.succeededFuture(Optional.empty());
        }
        return bearerTokens.verify(token, idp.get()).map(Optional::of).otherwise(Optional.empty());
    }

    private static Future<Void> page(HttpServerResponse response, TenantConfig tenant, Identity identity) {
        String name = tenant.tenant().displayName() == null ? tenant.tenant().slug() : tenant.tenant().displayName();
        String body = "<dl>\n"
                + row("Signed in to", name)
                + row("Email", identity.user().email() == null ? "(none)" : identity.user().email())
                + row("User id", identity.user().sub())
                + row("Groups", identity.user().groups().isEmpty() ? "(none)" : String.join(", ", identity.user().groups()))
                + row("Identity provider", identity.idpName())
                + row("Until", DateTimeFormatter.ISO_INSTANT.format(identity.expiresAt()))
                + "</dl>\n<form method=\"post\" action=\"" + LoginUrls.SIGN_OUT + "\"><button type=\"submit\">Sign out"
                + "</button></form>\n";
        Pages.sendHtml(response, 200, "Signed in", body);
        return Future.succeededFuture();
    }

    private static String row(String label, String value) {
        return "<dt>" + Html.escape(label) + "</dt><dd>" + Html.escape(value) + "</dd>\n";
    }
}
