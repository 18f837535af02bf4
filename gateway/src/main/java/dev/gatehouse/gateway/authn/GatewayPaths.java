package dev.gatehouse.gateway.authn;

import dev.gatehouse.core.config.TenantConfig;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;

/**
 * The gateway's own pages on every tenant hostname, under {@value #PREFIX}: {@code sign_in}, {@code callback},
 * {@code handoff}, {@code sign_out}, {@code signed_out} and {@code /.gatehouse/} itself (who am I).
 */
public interface GatewayPaths {

    String PREFIX = "/.gatehouse/";

    static boolean matches(String path) {
        return path != null && (path.startsWith(PREFIX) || path.equals("/.gatehouse"));
    }

    /** Answers the request (always ends the response); the future completes once it has. */
    Future<Void> handle(HttpServerRequest request, TenantConfig tenant, PublicOrigin origin);
}
