package dev.gatehouse.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.streams.Pipe;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyResponse;
import io.vertx.httpproxy.impl.BufferingWriteStream;
import io.vertx.httpproxy.impl.ParseUtils;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Sends an answer to the client exactly as vertx-http-proxy's own response sender does (status, a {@code Date}
 * re-formatted as RFC 1123, {@code Warning} values whose date disagrees dropped, the other headers but
 * {@code Transfer-Encoding}, the body's type and length, chunked or, for an HTTP/1.0 client, buffered), except that
 * the {@code Date} is not parsed and re-formatted on every response: the result for the last value seen is
 * remembered ({@link HttpDates}). That parsing was a twentieth of the event loop's time per proxied request.
 */
final class AnswerSender {
    private AnswerSender() {
    }

    static Future<Void> send(ProxyResponse answer, HttpServerResponse out, HttpVersion clientVersion) {
        out.setStatusCode(answer.getStatusCode());
        if (answer.getStatusMessage() != null) {
            out.setStatusMessage(answer.getStatusMessage());
        }
        MultiMap headers = answer.headers();
        out.putHeader("date", HttpDates.normalized(headers));
        out.putHeader("warning", warnings(headers));
        Body body = answer.getBody();
        headers.forEach(header -> {
            String name = header.getKey();
            boolean skipped = name.equals("content-type") && body != null || name.equalsIgnoreCase("date")
                    || name.equalsIgnoreCase("warning") || name.equalsIgnoreCase("transfer-encoding");
            if (!skipped) {
                out.headers().add(name, header.getValue());
            }
        });
        HttpClientResponse upstream = answer.proxiedResponse();
        if (body == null) {
            if (upstream != null && upstream.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
                out.putHeader(HttpHeaders.CONTENT_LENGTH, "0");
            }
            return out.end();
        }
        if (body.mediaType() != null) {
            out.putHeader(HttpHeaders.CONTENT_TYPE, body.mediaType());
        }
        long length = body.length();
        if (length >= 0) {
            out.putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(length));
        } else if (clientVersion == HttpVersion.HTTP_1_0) {
            // An HTTP/1.0 client cannot read chunks: the body is collected first.
            BufferingWriteStream buffer = new BufferingWriteStream();
            return body.stream().pipeTo(buffer).compose(done -> out.end(buffer.content()));
        } else {
            out.setChunked(true);
        }
        Pipe<Buffer> pipe = body.stream().pipe();
        pipe.endOnSuccess(true);
        pipe.endOnFailure(false);
        return pipe.to(out).andThen(sent -> {
            if (sent.failed()) {
                if (upstream != null) {
                    upstream.request().reset();
                }
                out.reset();
            }
        });
    }

    /** The {@code Warning} values, less those dated otherwise than the answer (RFC 7234 §5.5). */
    private static List<String> warnings(MultiMap headers) {
        List<String> warnings = headers.getAll("warning");
        if (warnings.isEmpty()) {
            return warnings;
        }
        warnings = new ArrayList<>(warnings);
        String dateHeader = headers.get("date");
        Instant date = dateHeader != null ? ParseUtils.parseHeaderDate(dateHeader) : null;
        Iterator<String> each = warnings.iterator();
        while (each.hasNext()) {
            Instant warningDate = ParseUtils.parseWarningHeaderDate(each.next());
            if (warningDate != null && date != null && !warningDate.equals(date)) {
                each.remove();
            }
        }
        return warnings;
    }
}
