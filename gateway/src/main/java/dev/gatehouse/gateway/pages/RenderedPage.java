package dev.gatehouse.gateway.pages;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import java.util.Objects;

/** A page ready to send: status, content type and body, plus the headers every gateway page carries. */
public record RenderedPage(int status, String contentType, Buffer body, String requestId) {

    /** HTML pages load nothing from anywhere; their only style is inline. */
    static final String HTML_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";

    public RenderedPage {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(requestId, "requestId");
    }

    /** Sets the page's headers (content type, no caching, no sniffing, request id, and the HTML policy). */
    public void applyHeaders(MultiMap headers) {
        headers.set(HttpHeaders.CONTENT_TYPE, contentType)
                .set(HttpHeaders.CACHE_CONTROL, "no-store")
                .set("X-Content-Type-Options", "nosniff")
                .set(Pages.REQUEST_ID, requestId);
        if (contentType.startsWith("text/html")) {
            headers.set("Content-Security-Policy", HTML_POLICY)
                    .set("Referrer-Policy", "no-referrer");
        }
    }
}
