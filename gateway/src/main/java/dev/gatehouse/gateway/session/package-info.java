/**
 * Gateway sessions: who is signed in, per tenant and hostname.
 *
 * <p>Public API: {@link dev.gatehouse.gateway.session.Session} (with {@link dev.gatehouse.gateway.session.SessionUser}
 * and the server-side-only {@link dev.gatehouse.gateway.session.SessionTokens}),
 * {@link dev.gatehouse.gateway.session.SessionStore} (Future-based; {@link
 * dev.gatehouse.gateway.session.InMemorySessionStore} now, a Hazelcast map later),
 * {@link dev.gatehouse.gateway.session.SessionLifetimes} (idle and absolute),
 * {@link dev.gatehouse.gateway.session.SessionCookie} (the host-only {@code __gatehouse} cookie) and
 * {@link dev.gatehouse.gateway.session.StoreSessionDirectory} (the admin API's list of sign-ins and their ending).
 *
 * <p>A lookup always names the tenant: a session id presented on another tenant's hostname finds nothing.
 */
package dev.gatehouse.gateway.session;
