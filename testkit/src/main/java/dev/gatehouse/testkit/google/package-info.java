/**
 * Fakes of Google for tests of Cloud Run upstreams, each a real HTTP server on 127.0.0.1.
 *
 * <p>{@link dev.gatehouse.testkit.google.FakeGoogle} starts the OAuth token endpoint (with its JWKS), the metadata
 * server and the IAM Credentials API, sharing one ID-token signing key and one set of service accounts, and counts
 * ID-token mints per (service account, audience). {@link dev.gatehouse.testkit.google.FakeCloudRun} (from
 * {@code FakeGoogle.startCloudRun}) verifies tokens the way Cloud Run's front end does and records what its
 * container received.
 *
 * <p>Pointing google-auth-library at the fakes inside one JVM (environment variables cannot be set there):
 * <ul>
 *   <li>token endpoint: a key file from {@code FakeGoogle.writeKeyFile} names it in {@code token_uri}, which
 *       {@code ServiceAccountCredentials.fromStream} honours ({@code ServiceAccountCredentials.Builder
 *       .setTokenServerUri} does the same for credentials built in code);</li>
 *   <li>metadata server and IAM Credentials: their URLs are fixed in the library
 *       ({@code http://metadata.google.internal}, unless the {@code GCE_METADATA_HOST} environment variable names
 *       {@code host:port}; {@code https://iamcredentials.googleapis.com} for {@code generateIdToken}), so route
 *       those hosts to {@link dev.gatehouse.testkit.google.FakeGoogle#metadataUri()} and
 *       {@link dev.gatehouse.testkit.google.FakeGoogle#iamCredentialsUri()} with an {@code HttpTransportFactory}
 *       whose connections go to the fake (the gateway's {@code GoogleEndpoints} does this);</li>
 *   <li>{@code TokenVerifier}: {@code setCertificatesLocation(fake.certsUri())}; the JWKS keys carry {@code alg}.</li>
 * </ul>
 * A process started by a test (the packaged jar) can instead be given {@code GCE_METADATA_HOST=}
 * {@link dev.gatehouse.testkit.google.FakeGoogle#metadataHost()}.
 */
package dev.gatehouse.testkit.google;
