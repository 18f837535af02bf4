package dev.gatehouse.gateway.proxy;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.streams.Pipe;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends an upstream's answer to a plain request on to the client: the status and its reason, every end-to-end
 * header (hop-by-hop ones and those named in {@code Connection} dropped, the gateway's cookies never set by the
 * upstream), {@code Date} and {@code Warning} as vertx-http-proxy sent them ({@link HttpDates}), {@code X-Request-Id}
 * when the upstream did not send its own, and the body with its framing: none for {@code HEAD}, 1xx, 204 and 304;
 * the upstream's {@code Content-Length} when it sent one; else chunked (an HTTP/1.0 client, which cannot read
 * chunks, gets the body collected and its length). A body with a declared length of at most
 * {@link #SMALL_BODY_BYTES} is collected and sent with the head in one write; any other streams with
 * back-pressure, and an upstream or client failing while it streams resets both sides.
 */
final class AnswerRelay {
    /** Small enough to arrive in one read and go out in one write: not worth a pipe. */
    static final long SMALL_BODY_BYTES = 8 * 1024;

    private AnswerRelay() {
    }

    static Future<Void> send(HttpClientResponse upstream, HttpServerRequest inbound, Set<String> gatewayCookies,
            String requestId) {
        HttpServerResponse out = inbound.response();
        int status = upstream.statusCode();
        String length = head(upstream, out, gatewayCookies, requestId);
        if (inbound.method() == HttpMethod.HEAD || status < 200 || status == 204 || status == 304) {
            if (length != null) {
                out.putHeader(HttpHeaders.CONTENT_LENGTH, length);
            }
            return out.end();
        }
        if (length != null) {
            out.putHeader(HttpHeaders.CONTENT_LENGTH, length);
            if (declaredLength(length) <= SMALL_BODY_BYTES) {
                return collect(upstream).compose(out::end, failure -> resetBoth(upstream, out, failure));
            }
        } else if (inbound.version() == HttpVersion.HTTP_1_0) {
            return collect(upstream).compose(out::end, failure -> resetBoth(upstream, out, failure));
        } else {
            out.setChunked(true);
        }
        Pipe<Buffer> pipe = upstream.pipe();
        pipe.endOnSuccess(true);
        pipe.endOnFailure(false);
        return pipe.to(out).recover(failure -> resetBoth(upstream, out, failure));
    }

    /** The same, for an answer whose body was read already (a refusal the hook declined to explain). */
    static Future<Void> send(HttpClientResponse upstream, Buffer body, HttpServerRequest inbound,
            Set<String> gatewayCookies, String requestId) {
        HttpServerResponse out = inbound.response();
        String length = head(upstream, out, gatewayCookies, requestId);
        if (length != null) {
            out.putHeader(HttpHeaders.CONTENT_LENGTH, length);
        }
        return out.end(body);
    }

    /** Status, reason and headers; returns the upstream's {@code Content-Length}, or null. */
    private static String head(HttpClientResponse upstream, HttpServerResponse out, Set<String> gatewayCookies,
            String requestId) {
        int status = upstream.statusCode();
        out.setStatusCode(status);
        String reason = upstream.statusMessage();
        if (reason != null && !reason.equals(HttpResponseStatus.valueOf(status).reasonPhrase())) {
            out.setStatusMessage(reason);
        }
        return copyHeaders(upstream.headers(), out.headers(), gatewayCookies, requestId);
    }

    /** Copies the end-to-end headers; returns the upstream's {@code Content-Length}, or null. */
    private static String copyHeaders(MultiMap from, MultiMap to, Set<String> gatewayCookies, String requestId) {
        HopByHopHeaders hopByHop = HopByHopHeaders.of(from);
        String length = null;
        for (Map.Entry<String, String> header : from) {
            String name = header.getKey();
            if (hopByHop.contains(name)) {
                continue;
            }
            switch (name.length()) {
                case 4 -> {
                    if (!name.equalsIgnoreCase("date")) {
                        to.add(name, header.getValue());
                    }
                }
                case 7 -> {
                    if (!name.equalsIgnoreCase("warning")) {
                        to.add(name, header.getValue());
                    }
                }
                case 14 -> {
                    if (name.equalsIgnoreCase("content-length")) {
                        length = header.getValue();
                    } else {
                        to.add(name, header.getValue());
                    }
                }
                default -> to.add(name, header.getValue());
            }
        }
        to.set(HttpHeaders.DATE, HttpDates.normalized(from));
        List<String> warnings = HttpDates.warnings(from);
        if (!warnings.isEmpty()) {
            to.set("warning", warnings);
        }
        GatewayCookies.stripFromResponse(to, gatewayCookies);
        if (!to.contains("X-Request-Id")) {
            to.set("X-Request-Id", requestId);
        }
        return length;
    }

    private static long declaredLength(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The whole body, read on the connection's own thread. */
    static Future<Buffer> collect(HttpClientResponse upstream) {
        return RefusalInspection.read(upstream);
    }

    private static Future<Void> resetBoth(HttpClientResponse upstream, HttpServerResponse out, Throwable failure) {
        upstream.request().reset();
        out.reset();
        return Future.failedFuture(failure);
    }
}
