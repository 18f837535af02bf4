package dev.gatehouse.gateway.google;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.http.HttpTransportFactory;

import io.vertx.core.Context;

/**
 * google-auth-library's transport for tests: Google's hosts routed to the fakes, any connection that would leave
 * 127.0.0.1 refused, and every connection recorded with the thread that opened it.
 */
final class LoopbackTransport implements HttpTransportFactory {

    record Connection(URL url, String thread, boolean onEventLoop) {}

    private final RoutingConnectionFactory routing;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final NetHttpTransport transport;

    LoopbackTransport(GoogleEndpoints endpoints) {
        this.routing = new RoutingConnectionFactory(endpoints.routes());
        this.transport = new NetHttpTransport.Builder().setConnectionFactory(this::open).build();
    }

    private HttpURLConnection open(URL url) throws IOException {
        URL target = routing.route(url);
        connections.add(new Connection(target, Thread.currentThread().getName(), Context.isOnEventLoopThread()));
        if (!"127.0.0.1".equals(target.getHost())) {
            throw new IOException("the test transport connects to 127.0.0.1 only, not " + target);
        }
        return (HttpURLConnection) target.openConnection();
    }

    @Override
    public NetHttpTransport create() {
        return transport;
    }

    List<Connection> connections() {
        return List.copyOf(connections);
    }
}
