package dev.gatehouse.gateway.authn;

import dev.gatehouse.gateway.pages.Page;
import dev.gatehouse.gateway.pages.Pages;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.function.Supplier;

/** What authenticating a request came to: a user, or a challenge to send instead of proxying. */
public sealed interface AuthResult permits AuthResult.Authenticated, AuthResult.Challenge {

    record Authenticated(Identity identity) implements AuthResult {
    }

    /** The request may not pass; {@link #send} answers it, quoting {@code requestId} like every gateway answer. */
    sealed interface Challenge extends AuthResult permits Redirect, Unauthenticated, Deferred {
        void send(HttpServerRequest request, String requestId);
    }

    /** A browser goes to sign in: 302 to {@code location}. */
    record Redirect(String location) implements Challenge {
        @Override
        public void send(HttpServerRequest request, String requestId) {
            request.response().setStatusCode(302)
                    .putHeader(HttpHeaders.LOCATION, location)
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .putHeader(Pages.REQUEST_ID, requestId)
                    .end();
        }
    }

    /**
     * A challenge worked out only when sent: most unauthenticated requests on a route open to the public are let
     * through and never need their login URL.
     */
    record Deferred(Supplier<Challenge> challenge) implements Challenge {
        @Override
        public void send(HttpServerRequest request, String requestId) {
            challenge.get().send(request, requestId);
        }
    }

    /**
     * A non-browser client: 401 with {@code {"error":"unauthenticated","login_url":…,"request_id":…}}, rendered
     * like every other refusal ({@link Page.Unauthenticated}).
     */
    record Unauthenticated(String loginUrl) implements Challenge {
        @Override
        public void send(HttpServerRequest request, String requestId) {
            request.response().putHeader("WWW-Authenticate", "Bearer realm=\"gatehouse\"");
            Pages.send(request, new Page.Unauthenticated(loginUrl), requestId);
        }
    }
}
