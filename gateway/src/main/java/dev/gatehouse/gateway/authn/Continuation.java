package dev.gatehouse.gateway.authn;

import java.time.Duration;

import dev.gatehouse.core.config.TenantConfig;
import dev.gatehouse.core.crypto.Tokens;
import dev.gatehouse.gateway.session.Session;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;

/**
 * Sends a browser signed in on the authenticate hostname on to its return URL: directly when that URL is on the
 * authenticate hostname, else through a handoff to the return URL's hostname, which gives that hostname its own
 * session cookie.
 */
final class Continuation {

    static final Duration HANDOFF_LIFETIME = Duration.ofSeconds(30);
    private static final int HANDOFF_ID_BYTES = 16;

    private final AuthnContext context;

    Continuation(AuthnContext context) {
        this.context = context;
    }

    /** @param returnTo a return URL already validated for this tenant */
    Future<Void> proceed(HttpServerRequest request, TenantConfig tenant, PublicOrigin origin, Session session,
            String returnTo) {
        String host = ReturnUrls.hostOf(returnTo);
        if (host.equals(origin.host())) {
            return Responses.redirect(request.response(), returnTo);
        }
        Handoff handoff = new Handoff(tenant.tenant().id(), host, session.id(), returnTo,
                context.clock().instant().plus(HANDOFF_LIFETIME), Tokens.random(HANDOFF_ID_BYTES));
        return Responses.redirect(request.response(),
                LoginUrls.handoff(origin.withHost(host), context.handoffs().seal(handoff)));
    }
}
