package dev.gatehouse.gateway.proxy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import io.vertx.core.http.HttpServerRequest;

/**
 * The smallest gateway around the proxy, wired the way the pipeline will be: pause, strip forgeable headers first,
 * then (authentication and authorization would run here) proxy with the call the test chose.
 */
final class ProxyOnlyGateway {
    private final AtomicReference<Function<HttpServerRequest, UpstreamCall>> calls = new AtomicReference<>();
    private final BlockingQueue<ProxyOutcome> outcomes = new LinkedBlockingQueue<>();
    private final UpstreamProxy proxy;
    private HttpServer server;

    private ProxyOnlyGateway(UpstreamProxy proxy) {
        this.proxy = proxy;
    }

    static ProxyOnlyGateway start(Vertx vertx, UpstreamProxyOptions options) throws Exception {
        ProxyOnlyGateway gateway = new ProxyOnlyGateway(UpstreamProxy.create(vertx, options));
        TrustedPeers peers = options.trustedPeers();
        gateway.server = Await.await(vertx.createHttpServer()
                .requestHandler(request -> {
                    request.pause();
                    ForgeableHeaders.stripInbound(request, peers);
                    gateway.proxy.proxy(request, gateway.calls.get().apply(request)).onSuccess(gateway.outcomes::add);
                })
                .listen(0, "127.0.0.1"));
        return gateway;
    }

    void route(Function<HttpServerRequest, UpstreamCall> call) {
        calls.set(call);
    }

    void route(UpstreamCall call) {
        calls.set(request -> call);
    }

    int port() {
        return server.actualPort();
    }

    ProxyOutcome nextOutcome() throws InterruptedException {
        ProxyOutcome outcome = outcomes.poll(30, TimeUnit.SECONDS);
        if (outcome == null) {
            throw new AssertionError("the proxy reported no outcome");
        }
        return outcome;
    }

    void clearOutcomes() {
        outcomes.clear();
    }

    void close() throws Exception {
        Await.await(server.close());
        Await.await(proxy.close());
    }
}
