package dev.gatehouse.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real upstream on 127.0.0.1 that records every request (method, target, headers, body) and every WebSocket
 * handshake it receives, then behaves as told: answer, never answer, echo, close.
 */
final class RecordingUpstream {
    record Received(HttpMethod method, String uri, MultiMap headers, Buffer body) {
    }

    enum Behaviour { ANSWER, NEVER_ANSWER, ECHO_STREAMING, CLOSE_CONNECTION, REFUSE_UPGRADE }

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile Behaviour behaviour = Behaviour.ANSWER;
    private HttpServer server;

    static RecordingUpstream start(Vertx vertx) throws Exception {
        RecordingUpstream upstream = new RecordingUpstream();
        upstream.server = Await.await(vertx.createHttpServer()
                .webSocketHandshakeHandler(handshake -> {
                    if (upstream.behaviour == Behaviour.REFUSE_UPGRADE) {
                        handshake.reject(451);
                    } else if (upstream.behaviour == Behaviour.NEVER_ANSWER) {
                        upstream.received.add(new Received(HttpMethod.GET, handshake.uri(),
                                MultiMap.caseInsensitiveMultiMap().addAll(handshake.headers()), Buffer.buffer()));
                    } else {
                        handshake.accept();
                    }
                })
                .webSocketHandler(upstream::echoWebSocket)
                .requestHandler(upstream::handle)
                .listen(0, "127.0.0.1"));
        return upstream;
    }

    int port() {
        return server.actualPort();
    }

    String url() {
        return "http://127.0.0.1:" + port();
    }

    void behave(Behaviour newBehaviour) {
        behaviour = newBehaviour;
    }

    /** Forgets what was received so far (requests of earlier tests). */
    void forget() {
        received.clear();
    }

    /** The next request (or handshake) the upstream received. */
    Received next() throws InterruptedException {
        Received next = received.poll(30, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("the upstream received nothing");
        }
        return next;
    }

    private void handle(HttpServerRequest request) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(request.headers());
        switch (behaviour) {
            case NEVER_ANSWER -> received.add(new Received(request.method(), request.uri(), headers, Buffer.buffer()));
            case CLOSE_CONNECTION -> {
                received.add(new Received(request.method(), request.uri(), headers, Buffer.buffer()));
                request.connection().close();
            }
            case ECHO_STREAMING -> echo(request, headers);
            default -> request.body().onSuccess(body -> {
                received.add(new Received(request.method(), request.uri(), headers, body));
                request.response().headers().add("Set-Cookie", "_gatehouse=fixed-by-upstream; Path=/")
                        .add("Set-Cookie", "app=1; Path=/");
                request.response().putHeader("Content-Type", "text/plain").end("upstream says hi");
            });
        }
    }

    /** Streams the body back as it arrives (headers go out with the first chunk), recording it when it ends. */
    private void echo(HttpServerRequest request, MultiMap headers) {
        Buffer copy = Buffer.buffer();
        request.response().setChunked(true).putHeader("Content-Type", "application/octet-stream");
        request.handler(chunk -> {
            copy.appendBuffer(chunk);
            request.response().write(chunk);
        });
        request.endHandler(v -> {
            received.add(new Received(request.method(), request.uri(), headers, copy));
            request.response().end();
        });
    }

    private void echoWebSocket(ServerWebSocket ws) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(ws.headers());
        received.add(new Received(HttpMethod.GET, ws.uri(), headers, Buffer.buffer()));
        ws.textMessageHandler(text -> {
            if (text.equals("close")) {
                ws.close((short) 4000, "asked to");
            } else {
                ws.writeTextMessage("echo: " + text);
            }
        });
    }

    Future<Void> close() {
        return server.close();
    }
}
