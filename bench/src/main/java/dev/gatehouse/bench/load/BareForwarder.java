package dev.gatehouse.bench.load;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The load benchmark's reference point for the framework itself: a reverse proxy on the same Vert.x, transport
 * and event-loop layout as Gatehouse (one server and one client per event loop), with none of Gatehouse's
 * features. It forwards method, target, headers and body and sends the answer back (a small body in one write, as
 * Gatehouse does). What it costs per request is what any Vert.x proxy pays; the rest of Gatehouse's cost is
 * Gatehouse.
 *
 * <pre>java -cp gatehouse-bench.jar dev.gatehouse.bench.load.BareForwarder UPSTREAM_PORT EVENT_LOOPS</pre>
 * prints {@code bare ready port=N} once listening on 127.0.0.1.
 */
public final class BareForwarder extends VerticleBase {
    private final SocketAddress upstream;
    private HttpClient client;

    private BareForwarder(SocketAddress upstream) {
        this.upstream = upstream;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: BareForwarder UPSTREAM_PORT EVENT_LOOPS");
            System.exit(2);
        }
        SocketAddress upstream = SocketAddress.inetSocketAddress(Integer.parseInt(args[0]), "127.0.0.1");
        int loops = Integer.parseInt(args[1]);
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(loops));
        vertx.deployVerticle(() -> new BareForwarder(upstream), new DeploymentOptions().setInstances(loops))
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        int port = vertx.sharedData().<String, Integer>getLocalMap("bare").get("port");
        System.out.println("bare ready port=" + port + " native_transport=" + vertx.isNativeTransportEnabled());
    }

    @Override
    public Future<?> start() {
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(100));
        // Port -1: the instances share one port Vert.x picks.
        return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(-1))
                .requestHandler(this::forward)
                .listen()
                .onSuccess(server -> vertx.sharedData().<String, Integer>getLocalMap("bare")
                        .put("port", server.actualPort()));
    }

    private void forward(HttpServerRequest request) {
        request.pause();
        client.request(new RequestOptions().setServer(upstream).setMethod(request.method()).setURI(request.uri()))
                .compose(outbound -> {
                    outbound.headers().setAll(request.headers());
                    if (request.headers().contains("Content-Length") || request.headers().contains("Transfer-Encoding")) {
                        return outbound.send(request);
                    }
                    // No body: one write, not an empty chunked stream.
                    request.resume();
                    return outbound.send();
                })
                .onComplete(answered -> {
                    if (answered.failed()) {
                        request.resume();
                        request.response().setStatusCode(502).end();
                        return;
                    }
                    var answer = answered.result();
                    request.response().setStatusCode(answer.statusCode()).headers().setAll(answer.headers());
                    answer.body().onComplete(body -> {
                        if (body.succeeded()) {
                            request.response().end(body.result());
                        } else {
                            request.response().reset();
                        }
                    });
                });
    }
}
