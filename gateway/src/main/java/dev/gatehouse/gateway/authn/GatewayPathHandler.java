package dev.gatehouse.gateway.authn;

import dev.gatehouse.core.config.TenantConfig;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Dispatches the gateway paths; anything unexpected becomes a plain error page, never a stack trace. */
final class GatewayPathHandler implements GatewayPaths {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayPathHandler.class);

    private final SignIn signIn;
    private final Callback callback;
    private final HandoffExchange handoff;
    private final SignOut signOut;
    private final WhoAmI whoAmI;

    GatewayPathHandler(SignIn signIn, Callback callback, HandoffExchange handoff, SignOut signOut, WhoAmI whoAmI) {
        this.signIn = signIn;
        this.callback = callback;
        this.handoff = handoff;
        this.signOut = signOut;
        this.whoAmI = whoAmI;
    }

    @Override
    public Future<Void> handle(HttpServerRequest request, TenantConfig tenant, PublicOrigin origin) {
        Future<Void> handled;
        try {
            handled = dispatch(request, tenant, origin);
        } catch (RuntimeException e) {
            handled = Future.failedFuture(e);
        }
        return handled.recover(error -> {
            LOG.warn("gateway path {} failed for tenant {}", request.path(), tenant.tenant().slug(), error);
            if (!request.response().headWritten()) {
                Pages.send(request.response(), 500, "Something went wrong",
                        "The gateway could not complete this request. Try again in a moment.", null, null);
            }
            return Future.succeededFuture();
        });
    }

    private Future<Void> dispatch(HttpServerRequest request, TenantConfig tenant, PublicOrigin origin) {
        String path = request.path();
        boolean read = request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD;
        if (path.equals("/.gatehouse") || path.equals(GatewayPaths.PREFIX)) {
            return read ? whoAmI.handle(request, tenant, origin) : notAllowed(request, "GET");
        }
        if (path.equals(LoginUrls.SIGN_OUT)) {
            return read || request.method() == HttpMethod.POST
                    ? signOut.handle(request, tenant, origin)
                    : notAllowed(request, "GET, POST");
        }
        if (!path.equals(LoginUrls.SIGN_IN) && !path.equals(LoginUrls.CALLBACK) && !path.equals(LoginUrls.HANDOFF)
                && !path.equals(LoginUrls.SIGNED_OUT)) {
            Pages.send(request.response(), 404, "Not found", "There is no such gateway page.", null, null);
            return Future.succeededFuture();
        }
        if (!read) {
            return notAllowed(request, "GET");
        }
        return switch (path) {
            case LoginUrls.SIGN_IN -> signIn.handle(request, tenant, origin);
            case LoginUrls.CALLBACK -> callback.handle(request, tenant, origin);
            case LoginUrls.HANDOFF -> handoff.handle(request, tenant, origin);
            default -> signOut.signedOut(request, tenant, origin);
        };
    }

    private static Future<Void> notAllowed(HttpServerRequest request, String allowed) {
        request.response().putHeader(HttpHeaders.ALLOW, allowed);
        Pages.send(request.response(), 405, "Method not allowed", "This gateway page does not accept that method.",
                null, null);
        return Future.succeededFuture();
    }
}
