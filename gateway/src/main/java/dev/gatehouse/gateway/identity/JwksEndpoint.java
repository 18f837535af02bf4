package dev.gatehouse.gateway.identity;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;

/**
 * Serves {@code /.well-known/gatehouse/jwks.json} on every tenant hostname: the tenant's published keys, public
 * and cacheable for a minute (short, so verifiers pick up a rotation's new key soon; they also refetch on an
 * unknown kid). The caller resolves the tenant from the Host header and passes its ring.
 */
public final class JwksEndpoint {
    public static final String PATH = "/.well-known/gatehouse/jwks.json";
    public static final int MAX_AGE_SECONDS = 60;

    private static final String CACHE_CONTROL = "public, max-age=" + MAX_AGE_SECONDS;

    private final Clock clock;

    public JwksEndpoint(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static boolean matches(HttpServerRequest request) {
        return PATH.equals(request.path());
    }

    /** Answers GET and HEAD with the JWKS, anything else with 405. */
    public void respond(HttpServerRequest request, TenantKeyRing ring) {
        var response = request.response().putHeader("X-Content-Type-Options", "nosniff");
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            response.setStatusCode(405)
                    .putHeader(HttpHeaders.ALLOW, "GET, HEAD")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end();
            return;
        }
        String json = ring.jwks(clock.instant()).json();
        response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        if (request.method() == HttpMethod.HEAD) {
            // Vert.x writes whatever end() is given, even for HEAD; only the length belongs in the answer.
            response.putHeader(HttpHeaders.CONTENT_LENGTH,
                    Integer.toString(json.getBytes(StandardCharsets.UTF_8).length)).end();
        } else {
            response.end(json);
        }
    }
}
