/**
 * Signing hooks and proxying to upstreams.
 *
 * <h2>Public API</h2>
 * <ul>
 *   <li>{@link dev.gatehouse.gateway.proxy.ForgeableHeaders#stripInbound}: the first step for every inbound
 *       request. Removes every {@code X-Gatehouse-*} and {@code X-Serverless-Authorization}, and, unless the peer is
 *       a {@link dev.gatehouse.gateway.proxy.TrustedPeers trusted proxy}, every {@code X-Forwarded-*},
 *       {@code Forwarded} and {@code X-Real-IP} ({@code _} counts as {@code -}). {@code Authorization} is left for
 *       authentication; the proxy removes it when the gateway sets it for the upstream.</li>
 *   <li>{@link dev.gatehouse.gateway.proxy.UpstreamProxy#create}({@code vertx},
 *       {@link dev.gatehouse.gateway.proxy.UpstreamProxyOptions}) and
 *       {@link dev.gatehouse.gateway.proxy.UpstreamProxy#proxy}({@code request},
 *       {@link dev.gatehouse.gateway.proxy.UpstreamCall}) → {@code Future<}{@link
 *       dev.gatehouse.gateway.proxy.ProxyOutcome}{@code >}.</li>
 *   <li>{@link dev.gatehouse.gateway.proxy.RequestDecorator}: the pipeline's hook for signed headers (identity
 *       assertion, claim headers, Google ID token), asynchronous, applied last on plain requests and WebSocket
 *       upgrades.</li>
 *   <li>{@link dev.gatehouse.gateway.proxy.UpstreamRefusals} (set with
 *       {@link dev.gatehouse.gateway.proxy.UpstreamProxyOptions#withRefusals}): the pipeline's hook for an upstream's
 *       401 or 403, which it may replace with an explaining page ({@code Page.UpstreamRefused}, HTML or JSON like
 *       every page, and a WARN log line saying the same; outcome {@code upstream_refused}). Only answers to calls
 *       the hook covers, with a small declared body, are held back and read; declined ones are forwarded
 *       unchanged.</li>
 * </ul>
 *
 * <h2>What the upstream receives</h2>
 * Method, body (streamed) and path with query; the upstream URL's path is a prefix ({@code https://h/v2} gets
 * {@code /x?y} as {@code /v2/x?y}); {@code Host} is the upstream's own host (port only when the URL names one);
 * {@code X-Forwarded-For} (a trusted chain plus the peer), {@code X-Forwarded-Proto}, {@code X-Forwarded-Host}
 * (the Host the gateway received), {@code Forwarded} extended only when a trusted proxy sent one;
 * {@code X-Request-Id} (the gateway's id, replacing a client's); the route's {@code remove_request_headers} then
 * {@code set_request_headers}; then the decorator's headers. Never: forgeable headers, hop-by-hop headers (RFC 9110
 * §7.6.1, also those named in {@code Connection}; likewise never back to the client), {@code Expect}, the gateway's
 * own cookies. Bodies keep their framing (chunked or {@code Content-Length}); a client that hangs up cancels the
 * upstream request. Plain requests are forwarded on the Vert.x client directly ({@code PlainExchange}); WebSocket
 * upgrades through vertx-http-proxy.
 *
 * <h2>Timeouts and failures</h2>
 * The connect timeout is the upstream's ({@code 10s} by default) and covers waiting for a pooled connection;
 * failing to connect (refused, timeout, DNS, TLS, pool exhausted) is a 502. The response timeout (the route's {@code timeout}, else the upstream's, else {@code 30s}; {@code 0}
 * disables it) bounds the wait for the response headers, not the length of a response that has started, so
 * downloads, server-sent events and WebSocket sessions are not cut off; exceeding it is a 504. An upstream that
 * hangs up before answering, and a failed decorator, are 502s. Pages never show addresses or causes; the log has
 * them (WARN, with request id, route and upstream).
 *
 * <h2>WebSockets</h2>
 * Only on routes with {@code allow_websockets}; any other request asking for an upgrade gets a 403 page and is not
 * forwarded. The tunnel pipes both ways with back-pressure.
 *
 * <h2>Wiring</h2>
 * Pause the request as soon as it arrives (its body is read only once the proxy pipes it). Keep the
 * {@code UpstreamProxy} referenced for the gateway's lifetime (Vert.x closes an unreferenced client) and close it
 * on shutdown.
 */
package dev.gatehouse.gateway.proxy;
