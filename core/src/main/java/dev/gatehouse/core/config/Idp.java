package dev.gatehouse.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** An OIDC identity provider of a tenant. The client secret is only ever held sealed (see core.crypto.SecretBox). */
public record Idp(
    ResourceMeta meta,
    String name,
    String issuer,
    String clientId,
    byte[] clientSecretSealed,
    List<String> scopes,
    String groupsClaim) {

  public static final List<String> DEFAULT_SCOPES = List.of("openid", "email", "profile");
  public static final String DEFAULT_GROUPS_CLAIM = "groups";

  public Idp {
    Objects.requireNonNull(meta, "meta");
    Objects.requireNonNull(name, "name");
    clientSecretSealed = clientSecretSealed == null ? null : clientSecretSealed.clone();
    scopes = List.copyOf(scopes);
  }

  @Override
  public byte[] clientSecretSealed() {
    return clientSecretSealed == null ? null : clientSecretSealed.clone();
  }

  /** Associated data binding a sealed client secret to its tenant and IdP. */
  public static String secretAad(UUID tenantId, String idpName) {
    return "idp-client-secret:" + tenantId + ":" + idpName;
  }

  public Idp withMeta(ResourceMeta newMeta) {
    return new Idp(newMeta, name, issuer, clientId, clientSecretSealed, scopes, groupsClaim);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Idp other
        && meta.equals(other.meta)
        && name.equals(other.name)
        && Objects.equals(issuer, other.issuer)
        && Objects.equals(clientId, other.clientId)
        && Arrays.equals(clientSecretSealed, other.clientSecretSealed)
        && scopes.equals(other.scopes)
        && Objects.equals(groupsClaim, other.groupsClaim);
  }

  @Override
  public int hashCode() {
    return Objects.hash(meta, name, issuer, clientId, Arrays.hashCode(clientSecretSealed), scopes, groupsClaim);
  }

  @Override
  public String toString() {
    return "Idp[" + name + ", issuer=" + issuer + ", clientId=" + clientId + ", clientSecret=[sealed]]";
  }
}
