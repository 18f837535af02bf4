package dev.gatehouse.gateway.pages;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * The one place that renders the gateway's own responses: an HTML page for browsers, JSON for API clients
 * (see {@link ResponseFormat}). Every value that reaches HTML is escaped; nothing internal (addresses, causes,
 * stack traces, the Host header) is ever rendered.
 */
public final class Pages {
    /** The response header that carries the request id on every answer the gateway gives itself. */
    public static final String REQUEST_ID = "X-Request-Id";

    private Pages() {
    }

    /**
     * The request id {@code response} quotes: the one the pipeline put on it when the request arrived, or, for a
     * response that did not come through the pipeline, a new one, set on it so header and body agree.
     */
    public static String requestIdOf(HttpServerResponse response) {
        String requestId = response.headers().get(REQUEST_ID);
        if (requestId == null) {
            requestId = RequestIds.next();
            response.putHeader(REQUEST_ID, requestId);
        }
        return requestId;
    }

    /**
     * Answers {@code request} with {@code page} (unless a response was already sent) and lets any unread request
     * body drain so the connection stays usable. A request read to its end is not resumed: resuming an ended HTTP/2
     * request throws.
     */
    public static Future<Void> send(HttpServerRequest request, Page page, String requestId) {
        HttpServerResponse response = request.response();
        if (response.ended() || response.headWritten()) {
            return Future.failedFuture(new IllegalStateException("the response was already sent"));
        }
        if (!request.isEnded()) {
            request.resume();
        }
        RenderedPage rendered = render(page, ResponseFormat.of(request.headers()), requestId);
        response.setStatusCode(rendered.status());
        rendered.applyHeaders(response.headers());
        return response.end(rendered.body());
    }

    public static RenderedPage render(Page page, ResponseFormat format, String requestId) {
        return switch (format) {
            case JSON -> new RenderedPage(page.status(), "application/json",
                    json(page, requestId).toBuffer(), requestId);
            case HTML -> new RenderedPage(page.status(), "text/html; charset=utf-8",
                    Buffer.buffer(html(page, requestId)), requestId);
        };
    }

    static JsonObject json(Page page, String requestId) {
        JsonObject json = new JsonObject().put("error", page.error());
        if (page instanceof Page.Unauthenticated unauthenticated) {
            json.put("login_url", unauthenticated.loginUrl());
        } else if (page instanceof Page.Forbidden forbidden) {
            json.put("reasons", new JsonArray(forbidden.reasons()));
        } else {
            json.put("message", page.message());
        }
        if (page instanceof Page.UpstreamRefused refused && refused.fix() != null) {
            json.put("fix", refused.fix());
        }
        return json.put("request_id", requestId);
    }

    static String html(Page page, String requestId) {
        StringBuilder body = new StringBuilder(1024);
        paragraph(body, page.message());
        if (page instanceof Page.Unauthenticated unauthenticated) {
            signInLink(body, unauthenticated.loginUrl());
        } else if (page instanceof Page.Forbidden forbidden) {
            reasonsAndContact(body, forbidden);
        } else if (page instanceof Page.UpstreamRefused refused && refused.fix() != null) {
            paragraph(body, "An administrator of the service's Google Cloud project can grant it with:");
            body.append("<pre><code>").append(Html.escape(refused.fix())).append("</code></pre>");
        }
        body.append("<p class=\"id\">Request id: <code>").append(Html.escape(requestId)).append("</code></p>");
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">\
                <meta name="viewport" content="width=device-width, initial-scale=1">\
                <title>%1$s</title><style>\
                body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1f2328}\
                main{max-width:36rem;margin:12vh auto;padding:2rem;background:#fff;border-radius:8px;\
                box-shadow:0 1px 3px rgba(0,0,0,.15)}\
                h1{font-size:1.4rem;margin-top:0}.status{color:#6e7781;font-weight:normal}\
                .id{color:#6e7781;font-size:.85rem}a.button{display:inline-block;padding:.5rem 1rem;\
                background:#0969da;color:#fff;border-radius:6px;text-decoration:none}\
                pre{white-space:pre-wrap;word-break:break-all;background:#f4f5f7;padding:.5rem}\
                </style></head>
                <body><main><h1>%1$s <span class="status">%2$d</span></h1>%3$s</main></body></html>
                """.formatted(Html.escape(page.title()), page.status(), body);
    }

    private static void reasonsAndContact(StringBuilder body, Page.Forbidden forbidden) {
        if (!forbidden.reasons().isEmpty()) {
            body.append("<ul class=\"reasons\">");
            forbidden.reasons().forEach(r -> body.append("<li><code>").append(Html.escape(r)).append("</code></li>"));
            body.append("</ul>");
        }
        if (forbidden.contact() != null && !forbidden.contact().isBlank()) {
            paragraph(body, Sentences.end("If you think you should have access, contact " + forbidden.contact()));
        }
    }

    private static void paragraph(StringBuilder body, String text) {
        body.append("<p>").append(Html.escape(text)).append("</p>");
    }

    /** A link only to an http(s) or same-origin URL, so a bad value can never become a script URL. */
    private static void signInLink(StringBuilder body, String loginUrl) {
        String lower = loginUrl.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")
                || loginUrl.startsWith("/") && !loginUrl.startsWith("//")) {
            body.append("<p><a class=\"button\" href=\"").append(Html.escape(loginUrl)).append("\">Sign in</a></p>");
        }
    }
}
