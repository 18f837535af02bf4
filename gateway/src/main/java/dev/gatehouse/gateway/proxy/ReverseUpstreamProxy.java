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
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link UpstreamProxy}: plain requests are forwarded by {@link PlainExchange}, on the Vert.x client directly;
 * WebSocket upgrades by vertx-http-proxy with {@link GatewayInterceptor} and {@link WebSocketTunnel}.
 *
 * <p>One {@link HttpClient} per event loop ({@link EventLoopClients}): Vert.x keeps a separate connection pool per
 * origin (scheme, host, port) inside one client, so every upstream gets its own pool of
 * {@code maxConnectionsPerOrigin} connections on each event loop, and nothing is created or closed when tenants
 * change upstreams (idle connections of a removed upstream simply expire). Keeping a client to one event loop
 * keeps each exchange on the thread of its inbound connection: a client shared by several event loops lends a
 * connection of one loop to a request of another, and every read and write then hops between threads. Timeouts
 * are per request ({@link UpstreamTimeouts}).
 *
 * <p>A small {@link HttpProxy} is built per upgrade (a list and two references): its origin and interceptor are
 * closures over this request's {@link UpstreamCall}, so no per-request state is looked up by name. Response caching
 * stays off: responses are per user.
 */
final class ReverseUpstreamProxy implements UpstreamProxy {
    private static final Logger LOG = LoggerFactory.getLogger(ReverseUpstreamProxy.class);

    private final EventLoopClients clients;
    private final UpstreamProxyOptions options;

    ReverseUpstreamProxy(Vertx vertx, UpstreamProxyOptions options) {
        this.clients = new EventLoopClients(vertx, clientOptions(options),
                new PoolOptions().setHttp1MaxSize(options.maxConnectionsPerOrigin()));
        this.options = options;
    }

    private static HttpClientOptions clientOptions(UpstreamProxyOptions options) {
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
        return clientOptions;
    }

    @Override
    public Future<ProxyOutcome> proxy(HttpServerRequest request, UpstreamCall call) {
        request.pause();
        if (RequestTargets.asksForWebSocket(request) && !call.route().options().allowWebsockets()) {
            return answer(request, call, new Page.WebSocketsNotAllowed(), ProxyOutcome.WEBSOCKET_REFUSED);
        }
        String pathAndQuery = RequestTargets.originForm(request);
        if (pathAndQuery == null || RequestTargets.unforwardableFraming(request)) {
            return answer(request, call, new Page.BadRequest("The gateway cannot forward this request as it is."),
                    ProxyOutcome.BAD_REQUEST);
        }
        UpstreamEndpoint endpoint = call.endpoint();
        if (endpoint.misconfiguration() != null) {
            UpstreamFailure failure = UpstreamFailure.misconfigured(endpoint.misconfiguration());
            LOG.warn("request {} route {} upstream {}: {} ({})", call.requestId(), call.route().name(),
                    call.upstream().name(), failure.outcome().code(), failure.detail());
            return answer(request, call, failure.page(), failure.outcome());
        }
        OutboundRequest outbound = new OutboundRequest(endpoint.target(), pathAndQuery,
                ForgeableHeaders.fromPeer(request, options.trustedPeers()), options.gatewayCookies());
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            // Authorized already: let the client send its body now.
            request.response().writeContinue();
        }
        HttpClient client = clients.current();
        if (!request.canUpgradeToWebSocket()) {
            return PlainExchange.forward(client, request, call, outbound, options.refusals());
        }
        Promise<ProxyOutcome> outcome = Promise.promise();
        GatewayInterceptor interceptor = new GatewayInterceptor(call, outbound, options.refusals(), outcome);
        HttpProxy.reverseProxy(new ProxyOptions().setCacheOptions(null)
                        .setSupportWebSocket(call.route().options().allowWebsockets()), client)
                .origin(context -> connect(client, endpoint, call.requestId()))
                .addInterceptor(interceptor, true)
                .handle(request);
        return outcome.future();
    }

    private static Future<ProxyOutcome> answer(HttpServerRequest request, UpstreamCall call, Page page,
            ProxyOutcome outcome) {
        return Pages.send(request, page, call.requestId()).transform(ignored -> Future.succeededFuture(outcome));
    }

    /** A pooled connection's request to the endpoint (method and URI still to set); failures tagged unreachable. */
    static Future<HttpClientRequest> connect(HttpClient client, UpstreamEndpoint endpoint, String requestId) {
        UpstreamTarget target = endpoint.target();
        UpstreamTimeouts timeouts = endpoint.timeouts();
        RequestOptions request = new RequestOptions()
                .setServer(endpoint.server())
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
        // One step for both outcomes: a map and a recover would chain two futures on every request.
        return client.request(request).transform(made -> made.succeeded()
                ? Future.succeededFuture(made.result().authority(target.authority())
                        // A tunnel closing from either side ends the request abruptly: routine, not an error.
                        .exceptionHandler(e -> LOG.debug("request {}: upstream exchange ended: {}",
                                requestId, e.toString())))
                : Future.failedFuture(UpstreamFailure.unreachable(made.cause())));
    }

    @Override
    public Future<Void> close() {
        return clients.close();
    }
}
