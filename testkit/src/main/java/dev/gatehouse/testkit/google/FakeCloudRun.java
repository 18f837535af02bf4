package dev.gatehouse.testkit.google;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A private Cloud Run service on 127.0.0.1: the front end ({@link CloudRunFrontEnd}) admits or rejects each request,
 * and only admitted requests reach the "container", which records what it received and answers 200 with a JSON echo
 * {@code {"method","uri","identity","headers"}} (like httpbin's {@code /anything}). A refusal carries the front
 * end's own page ({@link CloudRunFrontEnd} has the status codes). Like Cloud Run, the token's signature is removed
 * from the header that carried it before the container sees it; every other header (the application's own
 * {@code Authorization} when the token came in {@code X-Serverless-Authorization}) arrives untouched.
 */
public final class FakeCloudRun implements AutoCloseable {

    private final CloudRunOptions options;
    private final CloudRunFrontEnd frontEnd;
    private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();
    private final List<CloudRunRejection> rejections = new CopyOnWriteArrayList<>();
    private final FakeHttpServer server;

    FakeCloudRun(GoogleState state, CloudRunOptions options) {
        this.options = options;
        this.frontEnd = new CloudRunFrontEnd(state, options);
        this.server = FakeHttpServer.start("fake-cloud-run", this::handle);
    }

    /** Where to send requests: {@code http://127.0.0.1:PORT}. */
    public URI uri() {
        return server.uri();
    }

    /** The {@code https://…run.app} URL the service claims (its default audience). */
    public String url() {
        return options.url();
    }

    /** Requests that reached the container, in order. */
    public List<ReceivedRequest> received() {
        return List.copyOf(received);
    }

    /** Requests the front end turned away, in order. */
    public List<CloudRunRejection> rejections() {
        return List.copyOf(rejections);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = Exchanges.body(exchange);
        CloudRunFrontEnd.Verdict verdict = frontEnd.admit(exchange.getRequestHeaders());
        if (verdict.rejection() != null) {
            rejections.add(verdict.rejection());
            int status = verdict.rejection().status();
            Exchanges.send(exchange, status, FrontEndPage.CONTENT_TYPE,
                    FrontEndPage.html(status, exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8));
            return;
        }
        Map<String, List<String>> headers = containerHeaders(exchange, verdict.carrier());
        ReceivedRequest request =
                new ReceivedRequest(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body);
        received.add(request);
        JsonObject echoedHeaders = new JsonObject();
        headers.forEach((name, values) -> echoedHeaders.put(name, new JsonArray(new ArrayList<>(values))));
        Exchanges.json(exchange, 200, new JsonObject()
                .put("method", request.method())
                .put("uri", request.uri())
                .put("identity", verdict.identity())
                .put("headers", echoedHeaders));
    }

    private static Map<String, List<String>> containerHeaders(HttpExchange exchange, String carrier) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            List<String> copy = new ArrayList<>(values);
            if (carrier != null && lower.equals(carrier.toLowerCase(Locale.ROOT))) {
                copy.replaceAll(FakeCloudRun::withoutSignature);
            }
            headers.computeIfAbsent(lower, k -> new ArrayList<>()).addAll(copy);
        });
        return headers;
    }

    private static String withoutSignature(String bearerValue) {
        int lastDot = bearerValue.lastIndexOf('.');
        return lastDot < 0 ? bearerValue : bearerValue.substring(0, lastDot + 1);
    }

    @Override
    public void close() {
        server.close();
    }
}
