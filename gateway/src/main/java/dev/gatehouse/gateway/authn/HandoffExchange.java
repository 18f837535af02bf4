package dev.gatehouse.gateway.authn;

import java.time.Instant;
import java.util.Optional;

import dev.gatehouse.core.config.TenantConfig;
import dev.gatehouse.gateway.session.Session;
import dev.gatehouse.gateway.session.SessionCookie;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code /.gatehouse/handoff?token=…} on a hostname other than the authenticate one: a handoff sealed for this
 * tenant and this hostname, unexpired, used for the first time, whose session still lives, becomes this hostname's
 * own session (new id, same login, no refresh token) and the browser goes on to its return URL.
 */
final class HandoffExchange {

    private final AuthnContext context;

    HandoffExchange(AuthnContext context) {
        this.context = context;
    }

    Future<Void> handle(HttpServerRequest request, TenantConfig tenant, PublicOrigin origin) {
        String home = origin.url("/");
        Optional<Handoff> opened = context.handoffs().open(request.getParam("token"), tenant.tenant().id(),
                origin.host());
        if (opened.isEmpty()) {
            return Responses.failure(request.response(),
                    new LoginFailed(400, "This sign-in link is not valid for this site."), home);
        }
        Handoff handoff = opened.get();
        String returnTo = ReturnUrls.validate(handoff.returnTo(), tenant, origin)
                .filter(url -> ReturnUrls.hostOf(url).equals(origin.host()))
                .orElse(home);
        Instant now = context.clock().instant();
        if (!now.isBefore(handoff.expiresAt())) {
            return Responses.failure(request.response(), new LoginFailed(400, "This sign-in link has expired."),
                    returnTo);
        }
        return context.handoffReplays().firstUse(handoff.id(), handoff.expiresAt())
                .compose(first -> {
                    if (!first) {
                        throw new LoginFailed(400, "This sign-in link was already used.");
                    }
                    return context.sessions().get(tenant.tenant().id(), handoff.sessionId());
                })
                .compose(source -> {
                    if (source.isEmpty()) {
                        throw new LoginFailed(400, "The sign-in this link belongs to has ended.");
                    }
                    return install(request, tenant, origin, source.get(), now);
                })
                .compose(v -> Responses.redirect(request.response(), returnTo))
                .recover(error -> error instanceof LoginFailed failed
                        ? Responses.failure(request.response(), failed, returnTo)
                        : Future.failedFuture(error));
    }

    private Future<Void> install(HttpServerRequest request, TenantConfig tenant, PublicOrigin origin, Session source,
            Instant now) {
        Session session = new Session(Session.newId(), source.loginId(), source.primaryOrSelf(), source.tenantId(),
                source.idpName(), source.user(), source.tokens().withoutRefreshToken(), now, now, source.expiresAt(),
                origin.host());
        return SessionAuthenticator.storedSession(context, request, tenant)
                .compose(previous -> previous.isPresent()
                        ? context.sessions().remove(previous.get().id()).mapEmpty()
                        : Future.succeededFuture())
                .compose(v -> context.sessions().putWhileLoginLives(session))
                .map(stored -> {
                    if (!stored) {
                        throw new LoginFailed(400, "The sign-in this link belongs to has ended.");
                    }
                    SessionCookie.set(request.response(), session, origin.secure(), now);
                    return null;
                });
    }
}
