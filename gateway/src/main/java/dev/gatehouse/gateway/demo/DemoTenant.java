package dev.gatehouse.gateway.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Writes the demo tenant through the admin API, as an operator would with curl: hostnames, the local IdP, the echo
 * upstream and three routes that show the policy at work. Idempotent: on a later start it only points the IdP and
 * the upstream at this run's ports. Blocking; runs at boot.
 */
public final class DemoTenant {
    public static final String SLUG = "demo";
    public static final String HELLO = "hello.demo.localhost";
    public static final String PUBLIC = "public.demo.localhost";
    static final String CLIENT_ID = "gatehouse-demo";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String api;
    private final String operatorToken;

    public DemoTenant(String adminUrl, String operatorToken) {
        this.api = adminUrl + "/api/v1";
        this.operatorToken = operatorToken;
    }

    /** Creates or refreshes the demo tenant. */
    public void apply(String issuer, String upstreamUrl) throws IOException, InterruptedException {
        String tenant = "/tenants/" + SLUG;
        if (call("GET", tenant, null).statusCode() == 404) {
            expect(201, "POST", "/tenants", new JsonObject().put("slug", SLUG).put("display_name", "Gatehouse demo")
                    .put("contact", "This is the local Gatehouse demo: sign in as admin to see the admin page."));
            expect(201, "POST", tenant + "/hostnames", new JsonObject().put("hostname", HELLO));
            expect(201, "POST", tenant + "/hostnames", new JsonObject().put("hostname", PUBLIC));
            expect(201, "POST", tenant + "/idps", idp(issuer).put("name", "local"));
            expect(201, "POST", tenant + "/upstreams", new JsonObject().put("name", "echo").put("url", upstreamUrl));
            for (JsonObject route : routes()) {
                expect(201, "POST", tenant + "/routes", route);
            }
        } else {
            expect(200, "PATCH", tenant + "/idps/local", idp(issuer));
            expect(200, "PATCH", tenant + "/upstreams/echo", new JsonObject().put("url", upstreamUrl));
        }
    }

    private static JsonObject idp(String issuer) {
        return new JsonObject().put("issuer", issuer).put("client_id", CLIENT_ID).put("client_secret", "demo-secret");
    }

    static JsonObject[] routes() {
        JsonObject adminOnly = route("admin-only", HELLO, "/admin")
                .put("policy", new JsonArray().add(new JsonObject().put("allow", new JsonObject()
                        .put("and", new JsonArray().add(new JsonObject()
                                .put("user", new JsonObject().put("is", "admin")))))));
        JsonObject hello = route("hello", HELLO, "/").put("allow_any_authenticated_user", true)
                .put("pass_identity_headers", true).put("allow_websockets", true);
        JsonObject open = route("public", PUBLIC, "/").put("allow_public_unauthenticated_access", true);
        return new JsonObject[] {adminOnly, hello, open};
    }

    private static JsonObject route(String name, String host, String prefix) {
        return new JsonObject().put("name", name).put("from", "http://" + host).put("prefix", prefix)
                .put("upstream", "echo").put("idp", "local");
    }

    private void expect(int status, String method, String path, JsonObject body)
            throws IOException, InterruptedException {
        HttpResponse<String> response = call(method, path, body);
        if (response.statusCode() != status) {
            throw new IOException("demo setup: " + method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    private HttpResponse<String> call(String method, String path, JsonObject body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + operatorToken);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.encode()));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
