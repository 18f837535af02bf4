package dev.gatehouse.gateway.authn;

import dev.gatehouse.core.config.Idp;
import dev.gatehouse.core.config.TenantConfig;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;

/** Step 3 of the pipeline: who is making this request. */
public interface Authenticator {

    /**
     * The user behind the request's session cookie (signed in with {@code idp}, the route's IdP), else behind an
     * {@code Authorization: Bearer} ID token issued by {@code idp} for the tenant's client id; otherwise a challenge:
     * a redirect to sign in for browsers, a 401 JSON answer for other clients. Does not touch the response.
     *
     * <p>Fails only when a store fails. The request body is not read: pause the request first if it will be proxied.
     */
    Future<AuthResult> authenticate(HttpServerRequest request, TenantConfig tenant, Idp idp, PublicOrigin origin);
}
