package dev.gatehouse.core.policy;

import java.net.InetAddress;
import java.time.Instant;

/**
 * What the policy may know about the request. The data plane fills it from the request and its clock.
 *
 * @param method        HTTP method, e.g. {@code GET}
 * @param path          request path without the query string
 * @param sourceIp      client address, may be null when unknown
 * @param time          the moment the request is judged (from an injected clock), may be null when unknown
 * @param corsPreflight whether the request is a CORS preflight ({@code OPTIONS} with {@code Origin} and
 *                      {@code Access-Control-Request-Method})
 */
public record RequestFacts(String method, String path, InetAddress sourceIp, Instant time, boolean corsPreflight) {
}
