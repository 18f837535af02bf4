package dev.gatehouse.gateway.authn;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import dev.gatehouse.core.config.TenantConfig;

/** The gateway URLs of the sign-in flow, all on the tenant's authenticate hostname. */
final class LoginUrls {

    static final String SIGN_IN = GatewayPaths.PREFIX + "sign_in";
    static final String CALLBACK = GatewayPaths.PREFIX + "callback";
    static final String HANDOFF = GatewayPaths.PREFIX + "handoff";
    static final String SIGN_OUT = GatewayPaths.PREFIX + "sign_out";
    static final String SIGNED_OUT = GatewayPaths.PREFIX + "signed_out";

    private LoginUrls() {
    }

    static PublicOrigin authenticateOrigin(TenantConfig tenant, PublicOrigin origin) {
        return origin.withHost(tenant.effectiveAuthenticateHostname());
    }

    static boolean onAuthenticateHost(TenantConfig tenant, PublicOrigin origin) {
        return origin.host().equals(PublicOrigin.normalizeHost(tenant.effectiveAuthenticateHostname()));
    }

    /** Where sign-in for {@code idpName} starts, coming back to {@code returnTo} afterwards. */
    static String signIn(TenantConfig tenant, PublicOrigin origin, String idpName, String returnTo) {
        return authenticateOrigin(tenant, origin).url(SIGN_IN + "?idp=" + encode(idpName) + "&return_to="
                + encode(returnTo));
    }

    static String redirectUri(TenantConfig tenant, PublicOrigin origin) {
        return authenticateOrigin(tenant, origin).url(CALLBACK);
    }

    static String signedOut(TenantConfig tenant, PublicOrigin origin) {
        return authenticateOrigin(tenant, origin).url(SIGNED_OUT);
    }

    static String handoff(PublicOrigin target, String token) {
        return target.url(HANDOFF + "?token=" + encode(token));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
