package dev.gatehouse.gateway.pages;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import java.util.Locale;

/** Whether the caller is a browser (HTML) or an API client (JSON), judged from its request headers. */
public enum ResponseFormat {
    HTML, JSON;

    /**
     * JSON unless {@code Accept} mentions {@code text/html}; always JSON for {@code X-Requested-With: XMLHttpRequest}
     * (scripts send it and cannot follow a login redirect).
     */
    public static ResponseFormat of(MultiMap requestHeaders) {
        String requestedWith = requestHeaders.get("X-Requested-With");
        if (requestedWith != null && requestedWith.trim().equalsIgnoreCase("XMLHttpRequest")) {
            return JSON;
        }
        for (String accept : requestHeaders.getAll(HttpHeaders.ACCEPT)) {
            if (accept.toLowerCase(Locale.ROOT).contains("text/html")) {
                return HTML;
            }
        }
        return JSON;
    }
}
