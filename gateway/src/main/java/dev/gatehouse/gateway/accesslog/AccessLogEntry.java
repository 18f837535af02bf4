package dev.gatehouse.gateway.accesslog;

import java.time.Instant;

/**
 * One request, as the access log records it. Built by {@link RequestLog} when the response ends; fields the
 * pipeline never learned (no tenant for an unknown host, no user for a public route) are null.
 *
 * @param time           when the request arrived
 * @param path           the path without the query (queries may carry codes and tokens)
 * @param durationNanos  from arrival to the end of the response (for a WebSocket: to the 101)
 * @param bytesIn        request body bytes read
 * @param bytesOut       response body bytes written
 * @param detail         why the gateway answered itself, e.g. {@code upstream_timeout}, or {@code client_closed}
 * @param client         the client behind trusted proxies when it is not the peer itself; else null
 */
public record AccessLogEntry(
        Instant time, String requestId, String tenant, String route, String user, String decision,
        String method, String path, String peer, int status, long durationNanos, long bytesIn, long bytesOut,
        String detail, String client) {

    /** An entry whose client is the peer itself (or was never resolved). */
    public AccessLogEntry(Instant time, String requestId, String tenant, String route, String user, String decision,
            String method, String path, String peer, int status, long durationNanos, long bytesIn, long bytesOut,
            String detail) {
        this(time, requestId, tenant, route, user, decision, method, path, peer, status, durationNanos, bytesIn,
                bytesOut, detail, null);
    }
}
