package dev.gatehouse.gateway.proxy;

/** How a proxied request ended, as far as the gateway is concerned (for the access log). */
public enum ProxyOutcome {
    /** The upstream answered; its status and body went to the client. */
    PROXIED("proxied"),
    /** The upstream refused (401/403) and the refusals hook explained it: the gateway's page replaced the answer. */
    UPSTREAM_REFUSED("upstream_refused"),
    /** A WebSocket upgrade on a route that does not allow WebSockets: 403, nothing forwarded. */
    WEBSOCKET_REFUSED("websocket_refused"),
    /** The request could not be forwarded as it was (smuggling-prone framing, dot segments): 400. */
    BAD_REQUEST("bad_request"),
    /** The decorator failed (no signed headers): 502, nothing forwarded. */
    SIGNING_FAILED("signing_failed"),
    /** No connection to the upstream (refused, connect timeout, DNS, TLS): 502. */
    UPSTREAM_UNREACHABLE("upstream_unreachable"),
    /** The upstream did not start answering within the timeout: 504. */
    UPSTREAM_TIMEOUT("upstream_timeout"),
    /** The upstream closed or reset the exchange before answering: 502. */
    UPSTREAM_FAILED("upstream_failed"),
    /** The upstream's URL cannot be used (should have been refused by the admin API): 502. */
    UPSTREAM_MISCONFIGURED("upstream_misconfigured");

    private final String code;

    ProxyOutcome(String code) {
        this.code = code;
    }

    /** The snake_case name used in logs. */
    public String code() {
        return code;
    }
}
