/**
 * A fake OpenID Connect provider for tests: {@link dev.gatehouse.testkit.oidc.FakeOidcProvider} runs
 * mock-oauth2-server on 127.0.0.1 (discovery, authorize without a login page, token with PKCE and refresh, JWKS,
 * end session); {@link dev.gatehouse.testkit.oidc.IssuedIdentity} sets who signs in per issuer and can replace any
 * claim (iss, aud, nonce, azp) to test refusals; {@link dev.gatehouse.testkit.oidc.RecordedCall}s show what the
 * provider received.
 */
package dev.gatehouse.testkit.oidc;
