package dev.gatehouse.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import java.lang.ref.Reference;

/** A real client of the gateway under test that sends a tenant Host and reads the whole answer. */
final class Client {
    static final String HOST = "app.acme.example";

    record Answer(int status, MultiMap headers, Buffer body) {
        String text() {
            return body.toString();
        }
    }

    private final HttpClient http;
    private final int port;

    Client(HttpClient http, int port) {
        this.http = http;
        this.port = port;
    }

    Answer get(String uri, MultiMap headers) throws Exception {
        return send(HttpMethod.GET, uri, headers, null);
    }

    Answer send(HttpMethod method, String uri, MultiMap headers, Buffer body) throws Exception {
        Future<Answer> answer = http.request(new RequestOptions()
                        .setServer(SocketAddress.inetSocketAddress(port, "127.0.0.1"))
                        .setMethod(method)
                        .setURI(uri))
                .compose(request -> {
                    request.authority(HostAndPort.authority(HOST));
                    request.headers().addAll(headers);
                    Future<HttpClientResponse> response = body == null ? request.send() : request.send(body);
                    return response.compose(r -> r.body().map(b -> new Answer(r.statusCode(), r.headers(), b)));
                });
        try {
            return Await.await(answer);
        } finally {
            // Vert.x closes a client once it is unreachable; keep it alive while the exchange runs.
            Reference.reachabilityFence(http);
        }
    }
}
