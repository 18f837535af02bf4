/**
 * Google ID tokens for Cloud Run upstreams: who signs, for which audience, minted off the event loop and cached.
 *
 * <p>Public API:
 * <ul>
 *   <li>{@link dev.gatehouse.gateway.google.IdTokenSource#idToken} ({@link dev.gatehouse.gateway.google.GoogleIdTokens}
 *       in production): a {@code Future<IdToken>} that never blocks the event loop and fails with an
 *       {@link dev.gatehouse.gateway.google.IdTokenUnavailableException} whose message explains why.</li>
 *   <li>{@link dev.gatehouse.gateway.google.CloudRunRefusals}: the proxy's refusals hook; when Cloud Run's front end
 *       turns away a request the gateway signed, the page and the log say why (401: the token's audience; 403: the
 *       signing identity lacks {@code roles/run.invoker}, with the {@code gcloud} command), and for a
 *       {@code *.run.app} upstream without Google authentication, that it is off. The application's own 401/403
 *       and other upstreams are passed on untouched.</li>
 * </ul>
 * Who signs for which upstream ({@code UpstreamSigning}, {@code SigningDecision}, {@code SigningIdentity}) and what
 * must be granted for it ({@code InvokerGrants}) are pure and live in {@code dev.gatehouse.core.cloudrun}, shared
 * with the admin API.
 *
 * <p>Credentials ({@link dev.gatehouse.gateway.google.GoogleCredentialsOptions}): the gateway's own identity is a
 * service-account key file named by the operator, else the metadata server of the Google Cloud runtime; a tenant's
 * service account is impersonated through IAM Credentials {@code generateIdToken} with the gateway's identity as
 * caller. All google-auth-library calls run on the {@code gatehouse-google-id-tokens} worker pool.
 *
 * <p>Pointing google-auth-library elsewhere: in a process, {@code GCE_METADATA_HOST=host:port} moves the metadata
 * server (the library reads it) and a key file's {@code token_uri} the token endpoint. Inside a JVM (tests), where
 * environment variables cannot be set, {@link dev.gatehouse.gateway.google.GoogleEndpoints} gives a transport that
 * routes Google's built-in hosts (metadata, OAuth, IAM Credentials) to other base URLs.
 *
 * <p>Cache ({@link dev.gatehouse.gateway.google.CachingIdTokenSource}): per (identity, audience) in a
 * {@link dev.gatehouse.gateway.google.TokenStore} (node-local {@link dev.gatehouse.gateway.google.LocalTokenStore};
 * a cluster-wide map can implement the same asynchronous interface), single flight per node, refresh ahead, a short
 * failure window ({@link dev.gatehouse.gateway.google.IdTokenCacheOptions}).
 */
package dev.gatehouse.gateway.google;
