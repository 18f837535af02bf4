package dev.gatehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bodies stream through the proxy in both directions, chunked, without being buffered, and arrive intact. */
class StreamingTest {
    private static Vertx vertx;
    private static RecordingUpstream upstream;
    private static ProxyOnlyGateway gateway;
    private static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        upstream = RecordingUpstream.start(vertx);
        upstream.behave(RecordingUpstream.Behaviour.ECHO_STREAMING);
        gateway = ProxyOnlyGateway.start(vertx, UpstreamProxyOptions.defaults());
        gateway.route(UpstreamCall.of(Routes.route(), Routes.upstream(upstream.url()), "stream"));
        http = vertx.createHttpClient();
    }

    @AfterAll
    static void stop() throws Exception {
        Await.await(vertx.close());
    }

    /**
     * Each chunk must come back through the proxy before the next one is sent. A proxy that buffered the request
     * until its end, or the response until its end, would never echo the first chunk and the test would time out.
     */
    @Test
    void chunksTravelBothWaysBeforeTheRequestEnds() throws Exception {
        HttpClientRequest request = Await.await(http.request(post()));
        request.authority(HostAndPort.authority(Client.HOST)).setChunked(true);
        BlockingQueue<Buffer> echoed = new LinkedBlockingQueue<>();
        Promise<HttpClientResponse> ended = Promise.promise();
        request.response().onSuccess(response -> {
            response.handler(echoed::add);
            response.endHandler(v -> ended.complete(response));
        });
        Random random = new Random(7);
        Buffer sent = Buffer.buffer();
        for (int round = 0; round < 5; round++) {
            byte[] chunk = new byte[16 * 1024 + round];
            random.nextBytes(chunk);
            sent.appendBytes(chunk);
            request.write(Buffer.buffer(chunk));
            assertThat(takeBytes(echoed, chunk.length)).as("echo of chunk %d", round).isEqualTo(chunk);
        }
        request.end();

        HttpClientResponse response = Await.await(ended.future());
        assertThat(response.getHeader("Transfer-Encoding")).isEqualTo("chunked");
        RecordingUpstream.Received received = upstream.next();
        assertThat(received.headers().get("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(received.body()).isEqualTo(sent);
    }

    @Test
    void aLargeBodyArrivesIntactBothWays() throws Exception {
        long size = 24L * 1024 * 1024 + 17;
        HttpClientRequest request = Await.await(http.request(post()));
        request.authority(HostAndPort.authority(Client.HOST)).setChunked(true);
        Promise<String> responseDigest = Promise.promise();
        long[] responseBytes = new long[1];
        request.response().onSuccess(response -> {
            MessageDigest digest = sha256();
            response.handler(chunk -> {
                digest.update(chunk.getBytes());
                responseBytes[0] += chunk.length();
            });
            response.endHandler(v -> responseDigest.complete(HexFormat.of().formatHex(digest.digest())));
        });

        String sentDigest = Await.await(pump(request, size));
        assertThat(Await.await(responseDigest.future())).isEqualTo(sentDigest);
        assertThat(responseBytes[0]).isEqualTo(size);
        Buffer receivedUpstream = upstream.next().body();
        assertThat(receivedUpstream.length()).isEqualTo(size);
        assertThat(HexFormat.of().formatHex(sha256().digest(receivedUpstream.getBytes()))).isEqualTo(sentDigest);
    }

    /** Writes {@code size} pseudo-random bytes honouring back-pressure; completes with their SHA-256. */
    private static Future<String> pump(HttpClientRequest request, long size) {
        Promise<String> done = Promise.promise();
        Random random = new Random(11);
        MessageDigest digest = sha256();
        long[] remaining = {size};
        Runnable[] write = new Runnable[1];
        write[0] = () -> {
            while (remaining[0] > 0 && !request.writeQueueFull()) {
                byte[] chunk = new byte[(int) Math.min(64 * 1024, remaining[0])];
                random.nextBytes(chunk);
                digest.update(chunk);
                remaining[0] -= chunk.length;
                request.write(Buffer.buffer(chunk));
            }
            if (remaining[0] == 0) {
                request.end().onComplete(ar -> done.complete(HexFormat.of().formatHex(digest.digest())));
            } else {
                request.drainHandler(v -> write[0].run());
            }
        };
        vertx.runOnContext(v -> write[0].run());
        return done.future();
    }

    private static byte[] takeBytes(BlockingQueue<Buffer> queue, int length) throws InterruptedException {
        Buffer collected = Buffer.buffer();
        while (collected.length() < length) {
            Buffer next = queue.poll(30, TimeUnit.SECONDS);
            if (next == null) {
                throw new AssertionError("only " + collected.length() + " of " + length + " bytes came back");
            }
            collected.appendBuffer(next);
        }
        return collected.getBytes();
    }

    private static RequestOptions post() {
        return new RequestOptions().setServer(SocketAddress.inetSocketAddress(gateway.port(), "127.0.0.1"))
                .setMethod(HttpMethod.POST).setURI("/upload");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
