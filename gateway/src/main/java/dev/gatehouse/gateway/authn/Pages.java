package dev.gatehouse.gateway.authn;

import static dev.gatehouse.gateway.pages.Html.escape;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/** The gateway's small HTML pages: no scripts, nothing loaded from elsewhere, every value escaped. */
final class Pages {

    private static final String SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";

    private Pages() {
    }

    /** A page with a title, a message and an optional link ({@code linkUrl} null for none). */
    static void send(HttpServerResponse response, int status, String title, String message, String linkUrl,
            String linkText) {
        StringBuilder body = new StringBuilder()
                .append("<p>").append(escape(message)).append("</p>\n");
        if (linkUrl != null) {
            body.append("<p><a href=\"").append(escape(linkUrl)).append("\">").append(escape(linkText))
                    .append("</a></p>\n");
        }
        sendHtml(response, status, title, body.toString());
    }

    /**
     * A page whose body is already escaped HTML; it quotes the request id the pipeline put on the response, so a
     * failed sign-in can be found in the logs like any other refusal.
     */
    static void sendHtml(HttpServerResponse response, int status, String title, String escapedBody) {
        String quotedId = "<p class=\"id\">Request id: <code>"
                + escape(dev.gatehouse.gateway.pages.Pages.requestIdOf(response)) + "</code></p>\n";
        String html = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;"
                + "color:#222}dt{font-weight:600}dd{margin:0 0 .6rem}.id{color:#6e7781;font-size:.85rem}"
                + "</style></head>\n<body>\n<h1>" + escape(title) + "</h1>\n" + escapedBody + quotedId
                + "</body></html>\n";
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader("Content-Security-Policy", SECURITY_POLICY)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                .end(html);
    }
}
