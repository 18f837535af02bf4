package dev.gatehouse.gateway.proxy;

import dev.gatehouse.gateway.pages.Page;
import dev.gatehouse.gateway.pages.Pages;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link UpstreamProxy} on vertx-http-proxy.
 *
 * <p>One shared {@link HttpClient}: Vert.x keeps a separate connection pool per origin (scheme, host, port) inside
 * one client, so this already gives every upstream its own pool of {@code maxConnectionsPerOrigin} connections,
 * with one configuration and one lifecycle, and nothing to create or close when tenants change upstreams (idle
 * connections of a removed upstream simply expire). Timeouts are per request ({@link UpstreamTimeouts}).
 *
 * <p>A small {@link HttpProxy} is built per request (a list and two references): its origin and interceptor are
 * closures over this request's {@link UpstreamCall}, so no per-request state is looked up by name. Response caching
 * stays off: responses are per user.
 */
final class ReverseUpstreamProxy implements UpstreamProxy {
    private static final Logger LOG = LoggerFactory.getLogger(ReverseUpstreamProxy.class);

    private final HttpClient client;
    private final UpstreamProxyOptions options;

    ReverseUpstreamProxy(Vertx vertx, UpstreamProxyOptions options) {
        HttpClientOptions clientOptions = new HttpClientOptions()
                .setName("gatehouse-upstream")
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(true)
                .setKeepAliveTimeout(options.keepAliveSeconds())
                .setForceSni(true)
                .setVerifyHost(true)
                .setDecompressionSupported(false)
                .setMaxHeaderSize(32 * 1024);
        if (options.upstreamTrust() != null) {
            clientOptions.setTrustOptions(options.upstreamTrust());
        }
        this.client = vertx.httpClientBuilder()
                .with(clientOptions)
                .with(new PoolOptions().setHttp1MaxSize(options.maxConnectionsPerOrigin()))
                .build();
        this.options = options;
    }

    @Override
    public Future<ProxyOutcome> proxy(HttpServerRequest request, UpstreamCall call) {
        request.pause();
        if (RequestTargets.asksForWebSocket(request) && !call.route().options().allowWebsockets()) {
            return answer(request, call, new Page.WebSocketsNotAllowed(), ProxyOutcome.WEBSOCKET_REFUSED);
        }
        String pathAndQuery = RequestTargets.originForm(request);
        if (pathAndQuery == null || RequestTargets.ambiguousFraming(request)) {
            return answer(request, call, new Page.BadRequest("The gateway cannot forward this request as it is."),
                    ProxyOutcome.BAD_REQUEST);
        }
        UpstreamTarget target;
        UpstreamTimeouts timeouts;
        try {
            target = UpstreamTarget.parse(call.upstream().url());
            timeouts = UpstreamTimeouts.of(call);
        } catch (IllegalArgumentException e) {
            UpstreamFailure failure = UpstreamFailure.misconfigured(e);
            LOG.warn("request {} route {} upstream {}: {} ({})", call.requestId(), call.route().name(),
                    call.upstream().name(), failure.outcome().code(), failure.detail());
            return answer(request, call, failure.page(), failure.outcome());
        }
        Promise<ProxyOutcome> outcome = Promise.promise();
        GatewayInterceptor interceptor = new GatewayInterceptor(call, new OutboundRequest(target, pathAndQuery,
                ForgeableHeaders.fromPeer(request, options.trustedPeers()), options.gatewayCookies()),
                options.refusals(), outcome);
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            // Authorized already: let the client send its body now.
            request.response().writeContinue();
        }
        HttpProxy.reverseProxy(new ProxyOptions().setCacheOptions(null)
                        .setSupportWebSocket(call.route().options().allowWebsockets()), client)
                .origin(context -> connect(target, timeouts, call.requestId()))
                .addInterceptor(interceptor, true)
                .handle(request);
        return outcome.future();
    }

    private static Future<ProxyOutcome> answer(HttpServerRequest request, UpstreamCall call, Page page,
            ProxyOutcome outcome) {
        return Pages.send(request, page, call.requestId()).transform(ignored -> Future.succeededFuture(outcome));
    }

    private Future<HttpClientRequest> connect(UpstreamTarget target, UpstreamTimeouts timeouts, String requestId) {
        RequestOptions request = new RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.connectHost()))
                .setHost(target.connectHost())
                .setPort(target.port())
                .setSsl(target.ssl())
                .setFollowRedirects(false);
        if (timeouts.connectMillis() > 0) {
            request.setConnectTimeout(timeouts.connectMillis());
        }
        if (timeouts.responseMillis() > 0) {
            // Armed until the response headers arrive; Vert.x does not re-arm it for the body.
            request.setIdleTimeout(timeouts.responseMillis());
        }
        return client.request(request)
                .map(upstream -> upstream.authority(target.authority())
                        // A tunnel closing from either side ends the request abruptly: routine, not an error.
                        .exceptionHandler(e -> LOG.debug("request {}: upstream exchange ended: {}",
                                requestId, e.toString())))
                .recover(e -> Future.failedFuture(UpstreamFailure.unreachable(e)));
    }

    @Override
    public Future<Void> close() {
        return client.close();
    }
}
