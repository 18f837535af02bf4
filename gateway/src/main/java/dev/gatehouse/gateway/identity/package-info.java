/**
 * The signed identity assertion ({@code X-Gatehouse-Jwt-Assertion}) and the tenant JWKS that verifies it.
 *
 * <h2>Keys</h2>
 * Each tenant has its own ES256 (P-256) keys in PostgreSQL ({@link dev.gatehouse.core.store.SigningKeyStore}):
 * exactly one active, created on demand, rotated through the admin API. {@link KeyRingLoader} reads them into an
 * immutable {@link TenantKeyRing} (active private key opened once; JWKS documents pre-rendered), {@link KeyRings}
 * holds the ring of every tenant and swaps one in on reload. Nothing here touches the database per request, except
 * that a request for a tenant whose ring is missing (new to this node, or its last load failed) waits for the load
 * in progress, or starts one ({@link KeyRings#ready}), instead of being refused.
 *
 * <h2>Per request</h2>
 * <pre>
 * TenantKeyRing ring = keyRings.get(tenant.id()).orElse(null);   // else: keyRings.ready(tenant.id()).compose(…)
 * SignedAssertion assertion = assertionCache.assertion(session.id(), route.from().hostname(), ring,
 *     new AssertedIdentity(sub, email, groups));
 * proxiedRequest.headers().set(SignedAssertion.HEADER, assertion.token());
 * // and for GET /.well-known/gatehouse/jwks.json on any tenant hostname:
 * jwksEndpoint.respond(request, ring);
 * </pre>
 *
 * <h2>The assertion</h2>
 * Compact JWS, header {@code {"alg":"ES256","kid":KID,"typ":"JWT"}}; claims {@code iss} and {@code aud} = the
 * route's hostname (no scheme, no port), {@code sub}, {@code email} (omitted when unknown), {@code groups} (array),
 * {@code iat}, {@code exp} = iat + 5 minutes by default (never more), {@code jti} (128 random bits).
 * {@link AssertionCache} reuses one per (session, hostname, kid, identity) until a minute before {@code exp}.
 *
 * <h2>Rotation</h2>
 * A rotation retires the active key and commits a new one with a configuration change event; on that event
 * {@link KeyRings#reload} makes the new key sign. The retired key stays in the JWKS for
 * {@link dev.gatehouse.core.store.SigningKey#PUBLISHED_AFTER_RETIREMENT} (the longest assertion lifetime plus a
 * minute of clock skew), by time alone, then leaves it.
 */
package dev.gatehouse.gateway.identity;
