package dev.gatehouse.gateway.proxy;

import dev.gatehouse.core.config.HeaderRules;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;

/**
 * The headers a plain (non-upgrade) request carries to the upstream, written straight into the upstream request in
 * one pass over the inbound headers: every end-to-end header but the forgeable ones, {@code Host} (the upstream's
 * own authority is set instead), {@code Expect} (the gateway answers it) and the framing headers (set by the
 * forwarder from the inbound framing). Then, in this order: the gateway's cookies taken out of {@code Cookie},
 * {@code X-Forwarded-*}, the route's header rules, {@code X-Request-Id}, and the decorator's signed headers last so
 * nothing overrides them. The same order as on WebSocket upgrades ({@link GatewayInterceptor}).
 */
final class OutboundHeaders {
    private OutboundHeaders() {
    }

    static void write(HttpServerRequest inbound, MultiMap upstream, UpstreamCall call, OutboundRequest outbound,
            Map<String, String> signed) {
        ForgeableHeaders forgeable = outbound.forgeable().includingAuthorization(call.gatewaySetsAuthorization());
        MultiMap headers = inbound.headers();
        HopByHopHeaders hopByHop = HopByHopHeaders.of(headers);
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey();
            if (!skipped(name) && !hopByHop.contains(name) && !forgeable.isForgeable(name)) {
                upstream.add(name, header.getValue());
            }
        }
        GatewayCookies.stripFromRequest(upstream, outbound.gatewayCookies());
        ForwardedHeaders.apply(upstream, inbound);
        applyRules(upstream, call.route().headers());
        upstream.set("X-Request-Id", call.requestId());
        signed.forEach(upstream::set);
    }

    /** As vertx-http-proxy did on upgrades: a rule cannot send Host, framing or hop-by-hop headers. */
    private static void applyRules(MultiMap upstream, HeaderRules rules) {
        for (String name : rules.remove()) {
            if (!skipped(name)) {
                upstream.remove(name);
            }
        }
        rules.set().forEach((name, value) -> {
            if (!skipped(name) && !HopByHopHeaders.isFixed(name)) {
                upstream.set(name, value);
            }
        });
    }

    /** Host, Expect and Content-Length, compared by length first: every header of every request comes here. */
    private static boolean skipped(String name) {
        return switch (name.length()) {
            case 4 -> name.equalsIgnoreCase("host");
            case 6 -> name.equalsIgnoreCase("expect");
            case 14 -> name.equalsIgnoreCase("content-length");
            default -> false;
        };
    }
}
