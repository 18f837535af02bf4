package dev.gatehouse.gateway.proxy;

import dev.gatehouse.gateway.pages.Page;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.MediaType;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyResponse;
import java.util.Optional;

/**
 * Holds back an upstream's small 401 or 403 that the {@link UpstreamRefusals} hook covers, reads it, and asks the
 * hook about it. A declined answer gets its body back, unchanged, to be forwarded as usual.
 */
final class RefusalInspection {
    private RefusalInspection() {
    }

    /** True for a 401 or 403 to a covered call, with a declared length within the limit, not answering a HEAD. */
    static boolean applies(ProxyContext context, UpstreamCall call, UpstreamRefusals refusals) {
        ProxyResponse response = context.response();
        return response.proxiedResponse() != null && applies(response.getStatusCode(), context.request().getMethod(),
                response.proxiedResponse(), call, refusals);
    }

    /** As {@link #applies(ProxyContext, UpstreamCall, UpstreamRefusals)}, for a plain request's answer. */
    static boolean applies(int status, HttpMethod method, HttpClientResponse upstream, UpstreamCall call,
            UpstreamRefusals refusals) {
        if (status != 401 && status != 403 || method == HttpMethod.HEAD) {
            return false;
        }
        long length = declaredLength(upstream);
        return length >= 0 && length <= UpstreamRefusals.MAX_BODY_BYTES && covers(call, refusals);
    }

    /**
     * Reads a plain request's answer and asks the hook: the page to send instead, or empty with the body read, to
     * be forwarded unchanged. Fails only when the upstream fails while sending the body.
     */
    static Future<Verdict> inspect(HttpClientResponse upstream, UpstreamCall call, UpstreamRefusals refusals) {
        String contentType = upstream.getHeader(HttpHeaders.CONTENT_TYPE);
        return read(upstream).compose(body -> ask(refusals, call,
                        new UpstreamRefusals.Answer(upstream.statusCode(), contentType, body))
                .map(page -> new Verdict(page, body)));
    }

    /** The hook's page, if it explained the refusal; else the refusal's body as read. */
    record Verdict(Optional<Page.UpstreamRefused> page, Buffer body) {
    }

    /**
     * Reads the answer and asks the hook. Empty: the answer's body is restored and it may be forwarded. Fails only
     * when the upstream fails while sending the body.
     */
    static Future<Optional<Page.UpstreamRefused>> inspect(ProxyContext context, UpstreamCall call,
            UpstreamRefusals refusals) {
        ProxyResponse response = context.response();
        String contentType = response.headers().get(HttpHeaders.CONTENT_TYPE);
        return read(response.proxiedResponse()).compose(body -> ask(refusals, call,
                        new UpstreamRefusals.Answer(response.getStatusCode(), contentType, body))
                .map(page -> {
                    if (page.isEmpty()) {
                        restore(response, body, contentType);
                    }
                    return page;
                }));
    }

    /** The body back as it came; its media type only normalized (the library writes it from the body). */
    private static void restore(ProxyResponse response, Buffer body, String contentType) {
        MediaType mediaType = contentType == null ? null : MediaType.parse(contentType);
        response.setBody(Body.body(body, mediaType));
        if (mediaType == null && contentType != null) {
            // Unparsable: kept as a header, under a name the library does not mistake for the body's own.
            response.headers().remove(HttpHeaders.CONTENT_TYPE).add("Content-Type", contentType);
        }
    }

    private static Future<Optional<Page.UpstreamRefused>> ask(UpstreamRefusals refusals, UpstreamCall call,
            UpstreamRefusals.Answer answer) {
        try {
            return refusals.explain(call, answer).otherwise(Optional.empty());
        } catch (RuntimeException e) {
            return Future.succeededFuture(Optional.empty());
        }
    }

    private static boolean covers(UpstreamCall call, UpstreamRefusals refusals) {
        try {
            return refusals.covers(call);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static long declaredLength(HttpClientResponse upstream) {
        String header = upstream.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (header == null || upstream.headers().getAll(HttpHeaders.CONTENT_LENGTH).size() != 1) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The whole body; the response must not have been read yet. */
    static Future<Buffer> read(HttpClientResponse upstream) {
        Promise<Buffer> read = Promise.promise();
        Buffer body = Buffer.buffer();
        upstream.handler(body::appendBuffer)
                .exceptionHandler(read::tryFail)
                .endHandler(done -> read.tryComplete(body));
        upstream.resume();
        return read.future();
    }
}
