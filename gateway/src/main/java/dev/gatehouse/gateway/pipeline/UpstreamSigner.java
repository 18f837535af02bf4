package dev.gatehouse.gateway.pipeline;

import dev.gatehouse.core.cloudrun.SigningDecision;
import dev.gatehouse.core.cloudrun.UpstreamSigning;
import dev.gatehouse.gateway.authn.Identity;
import dev.gatehouse.gateway.config.TenantSnapshot;
import dev.gatehouse.gateway.google.IdTokenSource;
import dev.gatehouse.gateway.identity.AssertedIdentity;
import dev.gatehouse.gateway.identity.AssertionCache;
import dev.gatehouse.gateway.identity.KeyRings;
import dev.gatehouse.gateway.identity.SignedAssertion;
import dev.gatehouse.gateway.identity.TenantKeyRing;
import dev.gatehouse.gateway.proxy.RequestDecorator;
import dev.gatehouse.gateway.routing.CompiledRoute;
import dev.gatehouse.gateway.session.SessionUser;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Step 5 of the pipeline, sign: the headers the gateway adds to an authorized request. For a signed-in user the
 * identity assertion ({@code X-Gatehouse-Jwt-Assertion}, cached per user and hostname) and, when the route passes
 * identity headers, the claim headers; for a Google serverless upstream a Google ID token minted for the tenant's
 * own identity. Anything that cannot be signed fails the future: the proxy then answers 502 and sends nothing.
 */
final class UpstreamSigner {
    static final String CLAIM_EMAIL = "X-Gatehouse-Claim-Email";
    static final String CLAIM_SUB = "X-Gatehouse-Claim-Sub";
    static final String CLAIM_GROUPS = "X-Gatehouse-Claim-Groups";

    private final KeyRings keyRings;
    private final AssertionCache assertions;
    private final IdTokenSource idTokens;
    private final Supplier<UpstreamSigning> upstreamSigning;

    UpstreamSigner(KeyRings keyRings, AssertionCache assertions, IdTokenSource idTokens,
            Supplier<UpstreamSigning> upstreamSigning) {
        this.keyRings = keyRings;
        this.assertions = assertions;
        this.idTokens = idTokens;
        this.upstreamSigning = upstreamSigning;
    }

    RequestDecorator decorator(TenantSnapshot tenant, CompiledRoute route, Identity identity) {
        SigningDecision google = upstreamSigning.get().decide(tenant.tenant(), route.upstream());
        if (identity == null && google instanceof SigningDecision.Unsigned) {
            return RequestDecorator.NONE;
        }
        return call -> {
            TenantKeyRing ring = identity == null ? null : keyRings.get(tenant.id()).orElse(null);
            if (identity != null && ring == null) {
                // A tenant new to this node: wait for its first ring rather than refuse (see KeyRings#ready).
                return keyRings.ready(tenant.id()).compose(loaded -> headers(route, identity, loaded, google));
            }
            return headers(route, identity, ring, google);
        };
    }

    /** The signed headers, with the tenant's key ring in hand when there is a user. */
    private Future<Map<String, String>> headers(CompiledRoute route, Identity identity, TenantKeyRing ring,
            SigningDecision google) {
        Map<String, String> headers = new HashMap<>(8);
        if (identity != null) {
            SessionUser user = identity.user();
            SignedAssertion assertion = assertions.assertion(identity.idpName() + '\n' + user.sub(),
                    route.hostname(), ring, new AssertedIdentity(user.sub(), user.email(), user.groups()));
            headers.put(SignedAssertion.HEADER, assertion.token());
            if (route.options().passIdentityHeaders()) {
                putClaims(headers, user);
            }
        }
        if (google instanceof SigningDecision.Refused refused) {
            return Future.failedFuture(refused.reason());
        }
        if (google instanceof SigningDecision.Sign sign) {
            return idTokens.idToken(sign.identity(), sign.audience()).map(token -> {
                headers.put(sign.headerName(), sign.headerValue(token.value()));
                return headers;
            });
        }
        return Future.succeededFuture(headers);
    }

    private static void putClaims(Map<String, String> headers, SessionUser user) {
        headers.put(CLAIM_SUB, headerSafe(user.sub()));
        if (user.email() != null) {
            headers.put(CLAIM_EMAIL, headerSafe(user.email()));
        }
        if (!user.groups().isEmpty()) {
            headers.put(CLAIM_GROUPS, headerSafe(String.join(",", user.groups())));
        }
    }

    /** Claims come from the IdP: control characters (a CR LF above all) never reach a header. */
    static String headerSafe(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                if (out == null) {
                    out = new StringBuilder(value.substring(0, i));
                }
                out.append(' ');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? value : out.toString();
    }
}
