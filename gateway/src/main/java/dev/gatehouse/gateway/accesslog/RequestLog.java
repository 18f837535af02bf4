package dev.gatehouse.gateway.accesslog;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.time.Instant;

/**
 * The access log's record of one request in flight. Pipeline steps fill in what they learn (tenant, route, user,
 * decision, detail); the entry is queued once when the response ends or the connection closes. Used on the
 * request's event loop only.
 */
public final class RequestLog {
    private final HttpServerRequest request;
    private final String requestId;
    private final Instant arrived;
    private final long startNanos;
    private final Ticker ticker;
    private final AccessLogWriter writer;
    private String tenant;
    private String route;
    private String user;
    private String decision;
    private String detail;
    private InetAddress client;
    private boolean finished;

    RequestLog(HttpServerRequest request, String requestId, Instant arrived, Ticker ticker, AccessLogWriter writer) {
        this.request = request;
        this.requestId = requestId;
        this.arrived = arrived;
        this.startNanos = ticker.nanoTime();
        this.ticker = ticker;
        this.writer = writer;
    }

    public String requestId() {
        return requestId;
    }

    /** The tenant's slug. */
    public RequestLog tenant(String slug) {
        this.tenant = slug;
        return this;
    }

    /** The route's name. */
    public RequestLog route(String name) {
        this.route = name;
        return this;
    }

    /** Who made the request (email, else subject). */
    public RequestLog user(String who) {
        this.user = who;
        return this;
    }

    /** What the gateway decided, e.g. {@code allow}, {@code deny}, {@code login}, {@code no_route}. */
    public RequestLog decision(String what) {
        this.decision = what;
        return this;
    }

    /** Why the gateway answered itself, e.g. a proxy outcome such as {@code upstream_timeout}. */
    public RequestLog detail(String why) {
        this.detail = why;
        return this;
    }

    /** The client address the policy judged (behind trusted proxies: from {@code X-Forwarded-For}). */
    public RequestLog client(InetAddress address) {
        this.client = address;
        return this;
    }

    /** Queues the line once: when the response ended, the connection closed first, or a WebSocket was upgraded. */
    void finish(boolean upgraded) {
        if (finished) {
            return;
        }
        finished = true;
        HttpServerResponse response = request.response();
        String why = detail == null && !upgraded && !response.ended() ? "client_closed" : detail;
        String peer = peer(request.remoteAddress());
        writer.offer(new AccessLogEntry(arrived, requestId, tenant, route, user, decision,
                request.method().name(), request.path(), peer, response.getStatusCode(),
                ticker.nanoTime() - startNanos, request.bytesRead(), response.bytesWritten(), why,
                clientUnlessPeer(peer)));
    }

    private String clientUnlessPeer(String peer) {
        if (client == null) {
            return null;
        }
        String address = client.getHostAddress();
        return address.equals(peer) ? null : address;
    }

    private static String peer(SocketAddress address) {
        return address == null ? null : address.hostAddress();
    }
}
