package dev.gatehouse.gateway.proxy;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One {@link HttpClient} per event-loop thread, made on its first request there, so the connections of a client
 * are all made, and reused, by the one event loop that asks for them. Code off the event loops (tests, workers)
 * shares one more client. Lock-free after the first request of each thread.
 */
final class EventLoopClients {
    private final Vertx vertx;
    private final HttpClientOptions options;
    private final PoolOptions pool;
    private final HttpClient offLoop;
    private final ThreadLocal<HttpClient> perThread;
    private final Queue<HttpClient> all = new ConcurrentLinkedQueue<>();

    EventLoopClients(Vertx vertx, HttpClientOptions options, PoolOptions pool) {
        this.vertx = vertx;
        this.options = options;
        this.pool = pool;
        this.offLoop = create();
        this.perThread = ThreadLocal.withInitial(this::create);
    }

    /** The client of the calling event-loop thread. */
    HttpClient current() {
        return Context.isOnEventLoopThread() ? perThread.get() : offLoop;
    }

    Future<Void> close() {
        return Future.join(List.copyOf(all).stream().map(HttpClient::close).toList()).mapEmpty();
    }

    private HttpClient create() {
        HttpClient client = vertx.httpClientBuilder()
                .with(new HttpClientOptions(options))
                .with(new PoolOptions(pool))
                .build();
        all.add(client);
        return client;
    }
}
