package dev.gatehouse.gateway.proxy;

import io.vertx.core.Future;
import java.util.Map;

/**
 * Where the pipeline adds the signed headers of one upstream request: the identity assertion, claim headers, a
 * Google ID token. Minting may be asynchronous. The proxy applies the result after stripping forgeable headers and
 * after the route's header rules, replacing any header of the same name, on plain requests and WebSocket upgrades
 * alike. A failed future answers the client 502 and the request is not sent.
 */
@FunctionalInterface
public interface RequestDecorator {

    RequestDecorator NONE = call -> Future.succeededFuture(Map.of());

    /** Header name to value, for {@code call}. */
    Future<Map<String, String>> headers(UpstreamCall call);
}
