package dev.gatehouse.gateway.pipeline;

import dev.gatehouse.core.policy.Decision;
import dev.gatehouse.core.policy.PolicyInput;
import dev.gatehouse.core.policy.RequestFacts;
import dev.gatehouse.gateway.authn.AuthResult;
import dev.gatehouse.gateway.authn.Authentication;
import dev.gatehouse.gateway.authn.GatewayPaths;
import dev.gatehouse.gateway.authn.Identity;
import dev.gatehouse.gateway.authn.PublicOrigin;
import dev.gatehouse.gateway.authn.SchemePolicy;
import dev.gatehouse.gateway.config.ConfigRegistry;
import dev.gatehouse.gateway.config.TenantHost;
import dev.gatehouse.gateway.config.TenantSnapshot;
import dev.gatehouse.gateway.identity.JwksEndpoint;
import dev.gatehouse.gateway.identity.KeyRings;
import dev.gatehouse.gateway.pages.Page;
import dev.gatehouse.gateway.pages.Pages;
import dev.gatehouse.gateway.pages.RequestIds;
import dev.gatehouse.gateway.proxy.ForgeableHeaders;
import dev.gatehouse.gateway.proxy.TrustedPeers;
import dev.gatehouse.gateway.proxy.UpstreamCall;
import dev.gatehouse.gateway.proxy.UpstreamProxy;
import dev.gatehouse.gateway.routing.CompiledRoute;
import dev.gatehouse.gateway.accesslog.AccessLog;
import dev.gatehouse.gateway.accesslog.RequestLog;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import java.time.Clock;

/**
 * The data plane's request chain, top to bottom: strip what a client could forge, resolve host and route, answer
 * the gateway's own paths, authenticate, authorize, sign, proxy. Every refusal ends here with a page (HTML for
 * browsers, JSON for API clients); nothing reaches an upstream unless the route's policy allowed it. No step
 * blocks or calls the database: configuration, key rings and sessions are in memory.
 */
public final class GatewayHandler implements Handler<HttpServerRequest> {
    /** A liveness probe on the gateway port, for hosts that are not a tenant's (load balancers probe by IP). */
    static final String LIVENESS = "/healthz";

    private final ConfigRegistry registry;
    private final Authentication authentication;
    private final KeyRings keyRings;
    private final JwksEndpoint jwks;
    private final UpstreamSigner signer;
    private final UpstreamProxy proxy;
    private final AccessLog accessLog;
    private final TrustedPeers trustedPeers;
    private final SchemePolicy schemes;
    private final Clock clock;

    GatewayHandler(DataPlaneParts parts) {
        this.registry = parts.registry();
        this.authentication = parts.authentication();
        this.keyRings = parts.keyRings();
        this.jwks = new JwksEndpoint(parts.clock());
        this.signer = parts.signer();
        this.proxy = parts.proxy();
        this.accessLog = parts.accessLog();
        this.trustedPeers = parts.trustedPeers();
        this.schemes = parts.schemes();
        this.clock = parts.clock();
    }

    @Override
    public void handle(HttpServerRequest request) {
        request.pause();
        String requestId = RequestIds.next();
        RequestLog log = accessLog.begin(request, requestId);
        // Every answer the gateway gives itself quotes the id (pages add it to their bodies too); forward() takes
        // it off again, since the proxy adds the id to the upstream's answer only when the upstream sent none.
        request.response().putHeader(Pages.REQUEST_ID, requestId);
        ForgeableHeaders.stripInbound(request, trustedPeers);

        TenantHost host = registry.lookup(hostOf(request)).orElse(null);
        if (host == null) {
            if (LIVENESS.equals(request.path())) {
                request.resume();
                request.response().putHeader("Content-Type", "application/json").end("{\"status\":\"ok\"}");
                return;
            }
            refuse(request, log.decision("no_route"), new Page.NoRoute());
            return;
        }
        TenantSnapshot tenant = host.tenant();
        log.tenant(tenant.slug());
        PublicOrigin origin = PublicOrigin.of(request, schemes).orElse(null);
        if (origin == null) {
            refuse(request, log.decision("bad_request"), new Page.BadRequest("The Host header is not usable."));
            return;
        }

        if (JwksEndpoint.matches(request)) {
            serveJwks(request, log, tenant);
            return;
        }
        if (GatewayPaths.matches(request.path())) {
            log.decision("gateway_path");
            request.resume();
            authentication.gatewayPaths().handle(request, tenant.config(), origin);
            return;
        }

        String path = RequestPaths.normalize(request.path());
        if (path == null) {
            refuse(request, log.decision("bad_request"), new Page.BadRequest("This request path is not accepted."));
            return;
        }
        CompiledRoute route = host.resolve(path).orElse(null);
        if (route == null) {
            refuse(request, log.decision("no_route"), new Page.NoRoute());
            return;
        }
        log.route(route.name());

        authenticate(request, tenant, route, origin).onComplete(authenticated -> {
            if (authenticated.failed()) {
                refuse(request, log.decision("error"), new Page.BadGateway("Signing in is unavailable right now."));
                return;
            }
            authorize(request, log, tenant, route, path, authenticated.result());
        });
    }

    private Future<AuthResult> authenticate(HttpServerRequest request, TenantSnapshot tenant, CompiledRoute route,
            PublicOrigin origin) {
        if (route.idp() == null) {
            return Future.succeededFuture(null);
        }
        return authentication.authenticator().authenticate(request, tenant.config(), route.idp(), origin);
    }

    private void authorize(HttpServerRequest request, RequestLog log, TenantSnapshot tenant, CompiledRoute route,
            String path, AuthResult authenticated) {
        Identity identity = authenticated instanceof AuthResult.Authenticated user ? user.identity() : null;
        if (identity != null) {
            log.user(identity.user().email() != null ? identity.user().email() : identity.user().sub());
        }
        RequestFacts facts = facts(request, path);
        log.client(facts.sourceIp());
        Decision decision = route.policy().evaluate(new PolicyInput(
                identity == null ? null : identity.principal(), facts));
        if (decision.allowed()) {
            log.decision("allow");
            forward(request, log, tenant, route, identity);
        } else if (identity == null && decision.requiresLogin()
                && authenticated instanceof AuthResult.Challenge challenge) {
            log.decision("login");
            request.resume();
            challenge.send(request, log.requestId());
        } else {
            refuse(request, log.decision("deny").detail(String.join(" ", decision.reasons())),
                    new Page.Forbidden(decision.reasons(), tenant.tenant().contact()));
        }
    }

    private void forward(HttpServerRequest request, RequestLog log, TenantSnapshot tenant, CompiledRoute route,
            Identity identity) {
        request.response().headers().remove(Pages.REQUEST_ID);
        UpstreamCall call = UpstreamCall.of(route.endpoint(), log.requestId())
                .withDecorator(signer.decorator(tenant, route, identity));
        proxy.proxy(request, call).onSuccess(outcome -> log.detail(outcome.code()));
    }

    private void serveJwks(HttpServerRequest request, RequestLog log, TenantSnapshot tenant) {
        log.decision("jwks");
        keyRings.ready(tenant.id()).onComplete(ready -> {
            if (ready.failed()) {
                refuse(request, log, new Page.BadGateway("The signing keys are unavailable right now."));
                return;
            }
            request.resume();
            jwks.respond(request, ready.result());
        });
    }

    private RequestFacts facts(HttpServerRequest request, String path) {
        boolean preflight = request.method() == HttpMethod.OPTIONS
                && request.getHeader("Origin") != null
                && request.getHeader("Access-Control-Request-Method") != null;
        return new RequestFacts(request.method().name(), path, SourceAddresses.of(request, trustedPeers), clock.instant(),
                preflight);
    }

    private static String hostOf(HttpServerRequest request) {
        HostAndPort authority = request.authority();
        return authority == null ? null : authority.host();
    }

    private static void refuse(HttpServerRequest request, RequestLog log, Page page) {
        Pages.send(request, page, log.requestId());
    }
}
