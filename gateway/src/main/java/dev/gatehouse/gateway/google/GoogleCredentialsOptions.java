package dev.gatehouse.gateway.google;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.google.auth.http.HttpTransportFactory;

/**
 * Where the gateway's own Google credentials come from and how google-auth-library reaches Google.
 * {@code keyFile}: a service-account key file named by the operator; empty means the metadata server of the Google
 * Cloud runtime (Cloud Run, GKE, Compute Engine).
 */
public record GoogleCredentialsOptions(Optional<Path> keyFile, HttpTransportFactory transportFactory) {

    /** The variable Application Default Credentials read the key file name from. */
    public static final String KEY_FILE_VARIABLE = "GOOGLE_APPLICATION_CREDENTIALS";

    public GoogleCredentialsOptions {
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(transportFactory, "transportFactory");
    }

    /** Google's endpoints; the key file named by {@code GOOGLE_APPLICATION_CREDENTIALS}, if set. */
    public static GoogleCredentialsOptions fromEnvironment(Map<String, String> environment) {
        Optional<Path> keyFile = Optional.ofNullable(environment.get(KEY_FILE_VARIABLE))
                .filter(name -> !name.isBlank())
                .map(Path::of);
        return new GoogleCredentialsOptions(keyFile, GoogleEndpoints.GOOGLE.transportFactory());
    }
}
