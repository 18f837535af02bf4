package dev.gatehouse.testkit.google;

import java.net.URI;

import io.vertx.core.json.JsonObject;

/** A service account of the fake Google: its email, numeric unique id and its own key (the one in its key file). */
public record FakeServiceAccount(String email, String uniqueId, RsaSigningKey key) {

    /** The JSON of a service-account key file, as {@code gcloud iam service-accounts keys create} writes it. */
    public String keyFileJson(URI tokenUri) {
        return new JsonObject()
                .put("type", "service_account")
                .put("project_id", projectId())
                .put("private_key_id", key.keyId())
                .put("private_key", key.privateKeyPem())
                .put("client_email", email)
                .put("client_id", uniqueId)
                .put("auth_uri", "https://accounts.google.com/o/oauth2/auth")
                .put("token_uri", tokenUri.toString())
                .encodePrettily();
    }

    /** The project of an {@code NAME@PROJECT.iam.gserviceaccount.com} address ("fake-project" otherwise). */
    public String projectId() {
        int at = email.indexOf('@');
        int dot = email.indexOf(".iam.gserviceaccount.com");
        return at > 0 && dot > at ? email.substring(at + 1, dot) : "fake-project";
    }
}
