package dev.gatehouse.gateway.proxy;

import dev.gatehouse.gateway.pages.Page;
import dev.gatehouse.gateway.pages.Pages;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.Pipe;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One plain (non-upgrade) request forwarded on the Vert.x {@link HttpClient} directly, without vertx-http-proxy's
 * copies of the request and the answer: the decorator's signed headers are awaited, a pooled connection is taken,
 * the headers are written straight into the upstream request ({@link OutboundHeaders}), the body streams with
 * back-pressure in the framing it came in (chunked, or its {@code Content-Length}; a request without a body is
 * sent in one write), and the answer goes back through {@link AnswerRelay}, or through the refusals hook first
 * ({@link RefusalInspection}). A client that hangs up before its answer is complete resets the upstream request.
 * Failures before the answer starts become the gateway's page (502, or 504 on the response timeout).
 */
final class PlainExchange {
    private static final Logger LOG = LoggerFactory.getLogger(PlainExchange.class);

    private final HttpServerRequest inbound;
    private final UpstreamCall call;
    private final OutboundRequest outbound;
    private final UpstreamRefusals refusals;
    private final Promise<ProxyOutcome> outcome = Promise.promise();
    private HttpClientRequest upstream;

    private PlainExchange(HttpServerRequest inbound, UpstreamCall call, OutboundRequest outbound,
            UpstreamRefusals refusals) {
        this.inbound = inbound;
        this.call = call;
        this.outbound = outbound;
        this.refusals = refusals;
    }

    static Future<ProxyOutcome> forward(HttpClient client, HttpServerRequest inbound, UpstreamCall call,
            OutboundRequest outbound, UpstreamRefusals refusals) {
        PlainExchange exchange = new PlainExchange(inbound, call, outbound, refusals);
        signedHeaders(call).onComplete(signed -> {
            if (signed.failed()) {
                exchange.fail(signed.cause());
                return;
            }
            ReverseUpstreamProxy.connect(client, call.endpoint(), call.requestId()).onComplete(connected -> {
                if (connected.failed()) {
                    exchange.fail(connected.cause());
                } else {
                    exchange.send(connected.result(), signed.result());
                }
            });
        });
        return exchange.outcome.future();
    }

    private static Future<Map<String, String>> signedHeaders(UpstreamCall call) {
        try {
            Future<Map<String, String>> headers = call.decorator().headers(call);
            // Most are there already (no identity, or a cached assertion): no chain needed.
            return headers.succeeded() ? headers
                    : headers.recover(e -> Future.failedFuture(UpstreamFailure.signingFailed(e)));
        } catch (RuntimeException e) {
            return Future.failedFuture(UpstreamFailure.signingFailed(e));
        }
    }

    private void send(HttpClientRequest request, Map<String, String> signed) {
        upstream = request;
        request.setMethod(inbound.method());
        request.setURI(outbound.target().uri(outbound.pathAndQuery()));
        request.authority(outbound.target().authority());
        OutboundHeaders.write(inbound, request.headers(), call, outbound, signed);
        // Called when the client's connection closes before its answer was sent (not after).
        inbound.response().exceptionHandler(closed -> request.reset());
        // Straight on the request's own future: its callback runs on the context that then delivers the body, so
        // the body's handlers are set before any of it arrives (a callback chained through a future of another
        // context would run later, after body chunks delivered to nobody).
        request.response().onComplete(answered -> {
            if (answered.succeeded()) {
                answer(answered.result());
            } else {
                fail(answered.cause());
            }
        });
        String length = inbound.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (isChunked(inbound)) {
            request.setChunked(true);
            pipeBody(request);
        } else if (length != null && !length.equals("0")) {
            request.putHeader(HttpHeaders.CONTENT_LENGTH, length);
            pipeBody(request);
        } else {
            if (length != null) {
                request.putHeader(HttpHeaders.CONTENT_LENGTH, length);
            }
            request.end();
            inbound.resume();
        }
    }

    private void pipeBody(HttpClientRequest request) {
        Pipe<Buffer> pipe = inbound.pipe();
        pipe.endOnSuccess(true);
        pipe.endOnFailure(false);
        pipe.to(request).onFailure(e -> request.reset());
    }

    /** Any other transfer coding was refused before ({@link RequestTargets#unforwardableFraming}). */
    private static boolean isChunked(HttpServerRequest request) {
        return request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    private void answer(HttpClientResponse response) {
        if (RefusalInspection.applies(response.statusCode(), inbound.method(), response, call, refusals)) {
            RefusalInspection.inspect(response, call, refusals).onComplete(inspected -> {
                if (inspected.failed()) {
                    fail(inspected.cause());
                } else if (inspected.result().page().isPresent()) {
                    explainRefusal(inspected.result().page().get());
                } else {
                    outcome.tryComplete(ProxyOutcome.PROXIED);
                    AnswerRelay.send(response, inspected.result().body(), inbound, outbound.gatewayCookies(),
                            call.requestId());
                }
            });
            return;
        }
        outcome.tryComplete(ProxyOutcome.PROXIED);
        AnswerRelay.send(response, inbound, outbound.gatewayCookies(), call.requestId());
    }

    /** The upstream's refusal is replaced by the hook's page; the log says the same as the page. */
    private void explainRefusal(Page.UpstreamRefused refused) {
        log(ProxyOutcome.UPSTREAM_REFUSED.code(), refused.status() + ": " + refused.explanation()
                + (refused.fix() == null ? "" : " Fix: " + refused.fix()));
        outcome.tryComplete(ProxyOutcome.UPSTREAM_REFUSED);
        sendPage(refused);
    }

    private void fail(Throwable cause) {
        UpstreamFailure failure = UpstreamFailure.of(cause);
        log(failure.outcome().code(), failure.detail());
        if (upstream != null) {
            upstream.reset();
        }
        outcome.tryComplete(failure.outcome());
        sendPage(failure.page());
    }

    /** The gateway's page instead of an answer, unless one has started (then the reset above is all). */
    private void sendPage(Page page) {
        Pages.send(inbound, page, call.requestId());
    }

    private void log(String code, String detail) {
        LOG.warn("request {} route {} upstream {}: {} ({})", call.requestId(), call.route().name(),
                call.upstream().name(), code, detail);
    }
}
