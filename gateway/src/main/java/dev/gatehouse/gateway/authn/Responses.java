package dev.gatehouse.gateway.authn;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/** Redirects and error pages of the gateway paths. */
final class Responses {

    private Responses() {
    }

    static Future<Void> redirect(HttpServerResponse response, String location) {
        return response.setStatusCode(302)
                .putHeader(HttpHeaders.LOCATION, location)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader("Referrer-Policy", "no-referrer")
                .end();
    }

    /** The error page of a failed step, with a link to start over. */
    static Future<Void> failure(HttpServerResponse response, LoginFailed failure, String startOverUrl) {
        Pages.send(response, failure.status(), "Sign-in failed", failure.getMessage(), startOverUrl, "Start again");
        return Future.succeededFuture();
    }
}
