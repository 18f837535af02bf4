package dev.gatehouse.gateway.proxy;

import dev.gatehouse.core.config.HeaderRules;
import dev.gatehouse.gateway.pages.Page;
import dev.gatehouse.gateway.pages.Pages;
import dev.gatehouse.gateway.pages.RenderedPage;
import dev.gatehouse.gateway.pages.ResponseFormat;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.MediaType;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's part of a WebSocket upgrade proxied by vertx-http-proxy (plain requests go through
 * {@link PlainExchange}). Outbound: strip forgeable
 * headers and the gateway's cookies, set {@code X-Forwarded-*}, apply the route's header rules, set
 * {@code X-Request-Id}, point the request at the upstream (path, {@code Host}), then add the decorator's signed
 * headers last so nothing can override them. Inbound: drop upstream cookies named like the gateway's; let the
 * {@link UpstreamRefusals} hook replace a 401 or 403 it explains (see {@link RefusalInspection}).
 * Failures become the gateway's own page, sent by this interceptor itself (the library would send an empty 502, and
 * on an upgrade would not send a body at all).
 */
final class GatewayInterceptor implements ProxyInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayInterceptor.class);

    private final UpstreamCall call;
    private final OutboundRequest outbound;
    private final ForgeableHeaders forgeable;
    private final UpstreamRefusals refusals;
    private final Promise<ProxyOutcome> outcome;
    private boolean answeredLocally;

    GatewayInterceptor(UpstreamCall call, OutboundRequest outbound, UpstreamRefusals refusals,
            Promise<ProxyOutcome> outcome) {
        this.call = call;
        this.outbound = outbound;
        this.forgeable = outbound.forgeable().includingAuthorization(call.gatewaySetsAuthorization());
        this.refusals = refusals;
        this.outcome = outcome;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        MultiMap headers = request.headers();
        forgeable.strip(headers);
        GatewayCookies.stripFromRequest(headers, outbound.gatewayCookies());
        // Answered by the gateway itself (see UpstreamProxy): never ask the upstream for a 100 Continue.
        headers.remove("Expect");
        ForwardedHeaders.apply(headers, request.proxiedRequest());
        applyRules(headers, call.route().headers());
        headers.set("X-Request-Id", call.requestId());
        request.setURI(outbound.target().uri(outbound.pathAndQuery()));
        request.setAuthority(outbound.target().authority());
        return signedHeaders()
                .compose(signed -> {
                    signed.forEach(headers::set);
                    return context.sendRequest();
                })
                .recover(failure -> answerLocally(context, UpstreamFailure.of(failure)));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        if (answeredLocally) {
            // Sent directly: on an upgrade the library's last step expects an upstream response and has none.
            return context.response().send();
        }
        if (RefusalInspection.applies(context, call, refusals)) {
            return RefusalInspection.inspect(context, call, refusals)
                    .map(page -> {
                        page.ifPresent(refused -> explainRefusal(context, refused));
                        return null;
                    })
                    .recover(failure -> {
                        UpstreamFailure failed = UpstreamFailure.of(failure);
                        log(failed.outcome().code(), failed.detail());
                        replaceAnswer(context, failed.page(), failed.outcome());
                        return Future.succeededFuture();
                    })
                    .compose(ignored -> forwardAnswer(context));
        }
        return forwardAnswer(context);
    }

    private Future<Void> forwardAnswer(ProxyContext context) {
        MultiMap headers = context.response().headers();
        GatewayCookies.stripFromResponse(headers, outbound.gatewayCookies());
        if (!headers.contains("X-Request-Id")) {
            headers.set("X-Request-Id", call.requestId());
        }
        outcome.tryComplete(ProxyOutcome.PROXIED);
        // Only upgrades come this way (see ReverseUpstreamProxy); anything else would be the library's own send.
        return context.isWebSocket() ? WebSocketTunnel.open(context) : context.response().send();
    }

    private Future<Map<String, String>> signedHeaders() {
        try {
            return call.decorator().headers(call).recover(e -> Future.failedFuture(UpstreamFailure.signingFailed(e)));
        } catch (RuntimeException e) {
            return Future.failedFuture(UpstreamFailure.signingFailed(e));
        }
    }

    private static void applyRules(MultiMap headers, HeaderRules rules) {
        rules.remove().forEach(headers::remove);
        rules.set().forEach(headers::set);
    }

    private Future<ProxyResponse> answerLocally(ProxyContext context, UpstreamFailure failure) {
        log(failure.outcome().code(), failure.detail());
        ProxyResponse response = render(context, context.request().release().response(), failure.page());
        answeredLocally = true;
        outcome.tryComplete(failure.outcome());
        return Future.succeededFuture(response);
    }

    /** The upstream's refusal is replaced by the hook's page; the log says the same as the page. */
    private void explainRefusal(ProxyContext context, Page.UpstreamRefused refused) {
        log(ProxyOutcome.UPSTREAM_REFUSED.code(), refused.status() + ": " + refused.explanation()
                + (refused.fix() == null ? "" : " Fix: " + refused.fix()));
        replaceAnswer(context, refused, ProxyOutcome.UPSTREAM_REFUSED);
    }

    private void replaceAnswer(ProxyContext context, Page page, ProxyOutcome replaced) {
        render(context, context.response().release(), page);
        outcome.tryComplete(replaced);
    }

    private ProxyResponse render(ProxyContext context, ProxyResponse response, Page page) {
        RenderedPage rendered = Pages.render(page,
                ResponseFormat.of(context.request().proxiedRequest().headers()), call.requestId());
        response.setStatusCode(rendered.status());
        rendered.applyHeaders(response.headers());
        return response.setBody(Body.body(rendered.body(), MediaType.parse(rendered.contentType())));
    }

    private void log(String code, String detail) {
        LOG.warn("request {} route {} upstream {}: {} ({})", call.requestId(), call.route().name(),
                call.upstream().name(), code, detail);
    }
}
