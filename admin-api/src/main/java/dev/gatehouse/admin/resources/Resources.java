package dev.gatehouse.admin.resources;

import dev.gatehouse.core.crypto.SecretBox;
import dev.gatehouse.core.store.ConfigStore;
import io.vertx.ext.web.Router;

/** Mounts every resource handler below /tenants. */
public final class Resources {
  private Resources() {}

  public static void mount(Router api, ConfigStore store, SecretBox secrets, PolicyValidator policies) {
    new TenantsHandler(store).mount(api);
    new HostnamesHandler(store).mount(api);
    new NamedResourcesHandler<>(store, new IdpKind(secrets, store::now)).mount(api);
    new NamedResourcesHandler<>(store, new UpstreamKind(store::now)).mount(api);
    new NamedResourcesHandler<>(store, new RouteKind(policies, store::now)).mount(api);
    new KeysHandler(store).mount(api);
    new SigningKeysHandler(store, secrets).mount(api);
    new AuditHandler(store).mount(api);
    new ExplainHandler(store).mount(api);
  }

  /** Route policies checked and canonicalized by core's policy parser. */
  public static PolicyValidator parsedPolicies() {
    return new ParserPolicyValidator();
  }
}
