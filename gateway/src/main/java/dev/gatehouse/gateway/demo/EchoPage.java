package dev.gatehouse.gateway.demo;

import static dev.gatehouse.gateway.pages.Html.escape;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/** The echo upstream's HTML page. Everything shown came from the request, so everything is escaped. */
final class EchoPage {
    private EchoPage() {
    }

    static String render(JsonObject echo) {
        StringBuilder html = new StringBuilder(4096)
                .append("<!doctype html><html><head><meta charset=\"utf-8\"><title>Gatehouse demo upstream</title>")
                .append("<style>body{font:15px system-ui,sans-serif;margin:2em auto;max-width:60em;color:#222}")
                .append("td{padding:.2em .8em;vertical-align:top;font-family:monospace;word-break:break-all}")
                .append("tr.gh td{background:#eef6ee}pre{background:#f4f4f4;padding:1em;overflow:auto}</style>")
                .append("</head><body><h1>Hello from the upstream</h1>")
                .append("<p>Gatehouse let this request through and forwarded it here. This is what arrived: <b>")
                .append(escape(echo.getString("method"))).append(' ').append(escape(echo.getString("uri")))
                .append("</b></p>");
        Object claims = echo.getValue("assertion_claims");
        if (claims != null) {
            html.append("<h2>Signed identity (X-Gatehouse-Jwt-Assertion, decoded)</h2><pre>")
                    .append(escape(claims instanceof JsonObject json ? json.encodePrettily() : claims.toString()))
                    .append("</pre>");
        }
        html.append("<h2>Headers received</h2><table>");
        for (Map.Entry<String, Object> header : echo.getJsonObject("headers")) {
            boolean fromGatehouse = header.getKey().startsWith("x-gatehouse-") || header.getKey().startsWith("x-forwarded-");
            html.append(fromGatehouse ? "<tr class=\"gh\">" : "<tr>")
                    .append("<td>").append(escape(header.getKey())).append("</td><td>")
                    .append(escape(String.valueOf(header.getValue()))).append("</td></tr>");
        }
        return html.append("</table><p><a href=\"/.gatehouse/\">who am I</a> · ")
                .append("<a href=\"/.gatehouse/sign_out\">sign out</a></p></body></html>").toString();
    }
}
