package dev.gatehouse.gateway.proxy;

import java.util.Set;

/**
 * How one request leaves the gateway: where to (target, path and query), which inbound headers are forgeable for
 * its peer, and which cookies are the gateway's own.
 */
record OutboundRequest(UpstreamTarget target, String pathAndQuery, ForgeableHeaders forgeable,
        Set<String> gatewayCookies) {
}
