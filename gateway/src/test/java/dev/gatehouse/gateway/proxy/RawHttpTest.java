package dev.gatehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests a well-behaved client library would not send, written byte by byte on a socket. */
class RawHttpTest {
    private static Vertx vertx;
    private static RecordingUpstream upstream;
    private static ProxyOnlyGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        upstream = RecordingUpstream.start(vertx);
        gateway = ProxyOnlyGateway.start(vertx, UpstreamProxyOptions.defaults());
        gateway.route(UpstreamCall.of(Routes.route(), Routes.upstream(upstream.url()), "raw"));
    }

    @AfterAll
    static void stop() throws Exception {
        Await.await(vertx.close());
    }

    @BeforeEach
    void forget() {
        upstream.forget();
    }

    /** The gateway says 100 Continue itself once it proxies, and never forwards the expectation. */
    @Test
    void expectContinueIsAnsweredByTheGateway() throws Exception {
        Conversation conversation = Conversation.open();
        conversation.write("POST /upload HTTP/1.1\r\nHost: app.acme.example\r\nContent-Length: 5\r\n"
                + "Expect: 100-continue\r\n\r\n");
        assertThat(conversation.await(text -> text.contains("\r\n\r\n"))).startsWith("HTTP/1.1 100 Continue");

        conversation.write("hello");
        assertThat(conversation.await(text -> text.contains("upstream says hi"))).contains("HTTP/1.1 200 OK");
        RecordingUpstream.Received received = upstream.next();
        assertThat(received.body().toString()).isEqualTo("hello");
        assertThat(received.headers().contains("Expect")).isFalse();
        conversation.close();
    }

    /**
     * Both framings at once never reach the upstream (request smuggling): the server refuses the request with 400
     * and closes the connection, as RFC 9112 section 6.3 allows, and the upstream sees nothing of it.
     */
    @Test
    void contentLengthWithChunkedIsRefusedAndNeverForwarded() throws Exception {
        Conversation conversation = Conversation.open();
        conversation.write("POST /smuggled HTTP/1.1\r\nHost: app.acme.example\r\nContent-Length: 4\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");

        assertThat(conversation.await(text -> text.contains("\r\n\r\n"))).startsWith("HTTP/1.1 400 ");
        Await.await(conversation.closed());

        Conversation next = Conversation.open();
        next.write("GET /after HTTP/1.1\r\nHost: app.acme.example\r\n\r\n");
        assertThat(next.await(text -> text.contains("upstream says hi"))).startsWith("HTTP/1.1 200 OK");
        assertThat(upstream.next().uri()).as("the first request the upstream received").isEqualTo("/after");
        next.close();
    }

    private static final class Conversation {
        private final NetSocket socket;
        private final StringBuilder received = new StringBuilder();
        private Promise<String> waiting;
        private Predicate<String> until;

        private final Promise<Void> closed = Promise.promise();

        private Conversation(NetSocket socket) {
            this.socket = socket;
            socket.handler(this::receive);
            socket.closeHandler(v -> closed.tryComplete());
        }

        Future<Void> closed() {
            return closed.future();
        }

        static Conversation open() throws Exception {
            return new Conversation(Await.await(vertx.createNetClient().connect(gateway.port(), "127.0.0.1")));
        }

        void write(String text) throws Exception {
            Await.await(socket.write(Buffer.buffer(text)));
        }

        /** Waits until the text received since the last wait satisfies {@code done}; returns it. */
        String await(Predicate<String> done) throws Exception {
            Promise<String> promise = Promise.promise();
            synchronized (this) {
                waiting = promise;
                until = done;
                check();
            }
            return Await.await(promise.future());
        }

        private synchronized void receive(Buffer data) {
            received.append(data.toString());
            check();
        }

        private void check() {
            if (waiting != null && until.test(received.toString())) {
                String text = received.toString();
                received.setLength(0);
                Promise<String> done = waiting;
                waiting = null;
                done.complete(text);
            }
        }

        void close() throws Exception {
            Await.await(socket.close());
        }
    }
}
