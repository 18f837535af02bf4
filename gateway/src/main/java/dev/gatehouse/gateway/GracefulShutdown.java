package dev.gatehouse.gateway;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops HTTP servers the way SIGTERM promises: the listening sockets close at once, requests already in flight
 * may finish within the grace period, then every connection is closed.
 */
final class GracefulShutdown {
    private GracefulShutdown() {
    }

    static Future<Void> of(List<HttpServer> servers, Duration grace) {
        return Future.join(servers.stream()
                        .map(server -> server.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS))
                        .toList())
                .mapEmpty();
    }
}
