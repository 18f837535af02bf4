package dev.gatehouse.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.NetSocket;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The last step of a proxied WebSocket upgrade, done here rather than by vertx-http-proxy: its tunnel copies bytes
 * without back-pressure (a client could make the gateway buffer without bound) and drops an upstream's refusal
 * body. Here both directions are pipes that pause the faster side, and a refusal is forwarded as it is.
 */
final class WebSocketTunnel {
    private WebSocketTunnel() {
    }

    static Future<Void> open(ProxyContext context) {
        ProxyResponse response = context.response();
        HttpClientResponse upstream = response.proxiedResponse();
        if (upstream == null || response.getStatusCode() != 101) {
            return response.send();
        }
        HttpServerRequest inbound = context.request().proxiedRequest();
        HttpServerResponse switching = inbound.response().setStatusCode(101);
        switching.headers().addAll(response.headers());
        NetSocket upstreamSocket = upstream.netSocket();
        return inbound.toNetSocket()
                .onFailure(e -> upstreamSocket.close())
                .map(clientSocket -> {
                    clientSocket.pipeTo(upstreamSocket);
                    upstreamSocket.pipeTo(clientSocket);
                    return null;
                });
    }
}
