package dev.gatehouse.gateway;

import dev.gatehouse.gateway.google.GoogleCredentialsOptions;
import dev.gatehouse.gateway.google.GoogleEndpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The gateway's own Google identity, which signs ID tokens for Cloud Run upstreams of tenants the operator allowed
 * ({@code allow_gateway_identity}) and impersonates tenants' service accounts. {@code credentials}: a
 * service-account key file; unset means {@code GOOGLE_APPLICATION_CREDENTIALS}, else the metadata server of the
 * Google Cloud runtime. {@code serviceAccount}: that identity's email, for the admin API's gcloud commands (the
 * admin role has no credentials to read it from); unset means a placeholder there.
 */
public record GoogleSettings(Optional<Path> credentials, Optional<String> serviceAccount) {
    public static final GoogleSettings DEFAULTS = new GoogleSettings(Optional.empty(), Optional.empty());

    public GoogleSettings {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(serviceAccount, "serviceAccount");
    }

    /**
     * Where the data plane's Google credentials come from: the configured key file, which must be a readable file,
     * else what {@code environment} names in {@code GOOGLE_APPLICATION_CREDENTIALS}, else the metadata server.
     *
     * @throws InvalidSettingsException when the configured key file cannot be read
     */
    public GoogleCredentialsOptions credentialsOptions(Map<String, String> environment) {
        if (credentials.isEmpty()) {
            return GoogleCredentialsOptions.fromEnvironment(environment);
        }
        Path file = credentials.get();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InvalidSettingsException("the Google credentials file " + file
                    + " (--google-credentials, GATEHOUSE_GOOGLE_CREDENTIALS) is not a readable file");
        }
        return new GoogleCredentialsOptions(credentials, GoogleEndpoints.GOOGLE.transportFactory());
    }
}
