package dev.gatehouse.gateway.authn;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** What authenticating a request came to: a user, or a challenge to send instead of proxying. */
public sealed interface AuthResult permits AuthResult.Authenticated, AuthResult.Challenge {

    record Authenticated(Identity identity) implements AuthResult {
    }

    /** The request may not pass; {@link #send} answers it. */
    sealed interface Challenge extends AuthResult permits Redirect, Unauthenticated {
        void send(HttpServerResponse response);
    }

    /** A browser goes to sign in: 302 to {@code location}. */
    record Redirect(String location) implements Challenge {
        @Override
        public void send(HttpServerResponse response) {
            response.setStatusCode(302)
                    .putHeader(HttpHeaders.LOCATION, location)
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end();
        }
    }

    /** A non-browser client: 401 with {@code {"error":"unauthenticated","login_url":…}}. */
    record Unauthenticated(String loginUrl) implements Challenge {
        public JsonObject body() {
            return new JsonObject().put("error", "unauthenticated").put("login_url", loginUrl);
        }

        @Override
        public void send(HttpServerResponse response) {
            response.setStatusCode(401)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .putHeader("WWW-Authenticate", "Bearer realm=\"gatehouse\"")
                    .end(body().encode());
        }
    }
}
