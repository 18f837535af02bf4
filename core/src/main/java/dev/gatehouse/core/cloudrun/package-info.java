/**
 * Google Cloud Run upstreams, the pure part shared by the gateway and the admin API: who signs a Google ID token for
 * which upstream, and what an operator must grant for it to work.
 *
 * <ul>
 *   <li>{@link dev.gatehouse.core.cloudrun.UpstreamSigning#decide}: for a tenant's upstream,
 *       {@link dev.gatehouse.core.cloudrun.SigningDecision} — {@code Unsigned}, {@code Sign(identity, audience,
 *       header)} or {@code Refused(reason)}. Built from {@link dev.gatehouse.core.cloudrun.SigningClaims} over every
 *       tenant's upstreams, so that no tenant can make the gateway sign with another tenant's service account or for
 *       another tenant's service, and the gateway's own identity signs only for tenants with
 *       {@code allow_gateway_identity}.</li>
 *   <li>{@link dev.gatehouse.core.cloudrun.InvokerGrants#describe}: who signs for an upstream and the {@code gcloud}
 *       commands granting {@code roles/run.invoker} (and, for impersonation,
 *       {@code roles/iam.serviceAccountTokenCreator} to the gateway).</li>
 *   <li>{@link dev.gatehouse.core.cloudrun.CloudRunRefusal#of}: the likely cause of a 401 or 403 from Cloud Run to a
 *       request the gateway signed (audience, missing {@code run.invoker}) and the command that fixes it, or to a
 *       {@code *.run.app} upstream it does not sign for (signing is off).</li>
 *   <li>{@link dev.gatehouse.core.cloudrun.CloudRunService#fromUrl}: service, region and project number from a
 *       {@code *.run.app} URL.</li>
 * </ul>
 */
package dev.gatehouse.core.cloudrun;
