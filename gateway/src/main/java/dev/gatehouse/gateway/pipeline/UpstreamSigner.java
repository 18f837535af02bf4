package dev.gatehouse.gateway.pipeline;

import dev.gatehouse.core.cloudrun.SigningDecision;
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
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Step 5 of the pipeline, sign: the headers the gateway adds to an authorized request. For a signed-in user the
 * identity assertion ({@code X-Gatehouse-Jwt-Assertion}, cached per user and hostname) and, when the route passes
 * identity headers, the claim headers; for a Google serverless upstream a Google ID token minted for the tenant's
 * own identity. Anything that cannot be signed fails the future: the proxy then answers 502 and sends nothing.
 *
 * <p>A cache miss costs an ES256 signature, about a millisecond of CPU: it runs on a worker thread, so a burst of
 * new sessions never holds up the event loop (concurrent misses of one user may each sign; the cache keeps one).
 */
final class UpstreamSigner {
    static final String CLAIM_EMAIL = "X-Gatehouse-Claim-Email";
    static final String CLAIM_SUB = "X-Gatehouse-Claim-Sub";
    static final String CLAIM_GROUPS = "X-Gatehouse-Claim-Groups";

    private final Vertx vertx;
    private final KeyRings keyRings;
    private final AssertionCache assertions;
    private final IdTokenSource idTokens;
    private final Supplier<SigningDecisions> signingDecisions;

    UpstreamSigner(Vertx vertx, KeyRings keyRings, AssertionCache assertions, IdTokenSource idTokens,
            Supplier<SigningDecisions> signingDecisions) {
        this.vertx = vertx;
        this.keyRings = keyRings;
        this.assertions = assertions;
        this.idTokens = idTokens;
        this.signingDecisions = signingDecisions;
    }

    RequestDecorator decorator(TenantSnapshot tenant, CompiledRoute route, Identity identity) {
        SigningDecision google = signingDecisions.get().decide(tenant.tenant(), route.upstream());
        if (identity == null && google instanceof SigningDecision.Unsigned) {
            return RequestDecorator.NONE;
        }
        return call -> {
            if (google instanceof SigningDecision.Refused refused) {
                return Future.failedFuture(refused.reason());
            }
            if (identity == null) {
                return googleToken(new HashMap<>(4), google);
            }
            TenantKeyRing ring = keyRings.get(tenant.id()).orElse(null);
            if (ring == null) {
                // A tenant new to this node: wait for its first ring rather than refuse (see KeyRings#ready).
                return keyRings.ready(tenant.id()).compose(loaded -> signed(identity, route, loaded, google));
            }
            return signed(identity, route, ring, google);
        };
    }

    /**
     * The identity assertion (and claim headers), then the Google ID token when the upstream needs one. A cached
     * assertion (the usual case) is used straight away; a miss is signed on a worker thread and the result comes
     * back on this context.
     */
    private Future<Map<String, String>> signed(Identity identity, CompiledRoute route, TenantKeyRing ring,
            SigningDecision google) {
        SessionUser user = identity.user();
        String who = identity.idpName() + '\n' + user.sub();
        AssertedIdentity asserted = new AssertedIdentity(user.sub(), user.email(), user.groups());
        SignedAssertion cached = assertions.cached(who, route.hostname(), ring, asserted);
        if (cached != null) {
            return withAssertion(cached, identity, route, google);
        }
        return vertx.executeBlocking(() -> assertions.assertion(who, route.hostname(), ring, asserted), false)
                .compose(assertion -> withAssertion(assertion, identity, route, google));
    }

    private Future<Map<String, String>> withAssertion(SignedAssertion assertion, Identity identity,
            CompiledRoute route, SigningDecision google) {
        Map<String, String> headers = new HashMap<>(8);
        headers.put(SignedAssertion.HEADER, assertion.token());
        if (route.options().passIdentityHeaders()) {
            putClaims(headers, identity.user());
        }
        return googleToken(headers, google);
    }

    private Future<Map<String, String>> googleToken(Map<String, String> headers, SigningDecision google) {
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
