/**
 * Authentication for the data plane: OIDC sign-in, single sign-on across a tenant's hostnames, bearer ID tokens.
 *
 * <p><b>Public API.</b> {@link dev.gatehouse.gateway.authn.Authentication#create} with
 * {@link dev.gatehouse.gateway.authn.AuthenticationOptions} (stores, the master key's SecretBox, the handoff key,
 * session lifetimes, the clock) gives
 * <ul>
 *   <li>{@link dev.gatehouse.gateway.authn.Authenticator#authenticate}: for a request, its tenant, the route's IdP and
 *   its {@link dev.gatehouse.gateway.authn.PublicOrigin}, an {@link dev.gatehouse.gateway.authn.AuthResult}:
 *   {@code Authenticated(Identity)} or a {@code Challenge} ({@code Redirect} for browsers, {@code Unauthenticated}
 *   401 JSON otherwise; {@code Deferred} until sent, as most challenges on a public route are never sent) whose
 *   {@code send(response)} answers the request;</li>
 *   <li>{@link dev.gatehouse.gateway.authn.GatewayPaths#handle} for every path under {@code /.gatehouse/}.</li>
 * </ul>
 * {@link dev.gatehouse.gateway.authn.PublicOrigin#of} with a {@link dev.gatehouse.gateway.authn.SchemePolicy}
 * (the listener's scheme, or {@code X-Forwarded-Proto} from trusted peers) computes the origin.
 *
 * <p><b>Sign-in.</b> Always on the tenant's authenticate hostname: {@code /.gatehouse/sign_in?idp=&return_to=}
 * starts an authorization code flow on vertx-auth-oauth2's {@code OAuth2Auth} (discovered per tenant and IdP,
 * cached, rebuilt when the IdP changes) with a single-use state bound to the browser by the
 * {@code __gatehouse_login} cookie, PKCE S256 and a nonce. {@code /.gatehouse/callback} consumes the state,
 * exchanges the code, and verifies the ID token itself (signature against the JWKS, {@code iss}, {@code aud}/{@code
 * azp}, {@code exp}, {@code nonce}), then creates a new session. Return URLs are absolute URLs on the tenant's own
 * hostnames only.
 *
 * <p><b>Other hostnames.</b> A hostname without a session sends the browser to the authenticate hostname's
 * {@code sign_in}, which answers (signing in first if needed) with a redirect to {@code /.gatehouse/handoff?token=}
 * on that hostname: a 30-second, single-use token sealed (AES-GCM) under a key derived from the master key and bound
 * to tenant, hostname and session. The hostname exchanges it for its own host-only {@code __gatehouse} cookie.
 *
 * <p><b>Afterwards.</b> The primary session refreshes at the IdP when its ID token expires (sessions on other
 * hostnames follow it); a failed refresh ends the login. {@code GET|POST /.gatehouse/sign_out} ends the login on
 * every hostname and continues to the IdP's end-session endpoint ({@code post_logout_redirect_uri}
 * {@code /.gatehouse/signed_out}). {@code /.gatehouse/} shows the signed-in user, JSON for API clients.
 */
package dev.gatehouse.gateway.authn;
