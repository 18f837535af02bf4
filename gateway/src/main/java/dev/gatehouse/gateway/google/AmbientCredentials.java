package dev.gatehouse.gateway.google;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpResponse;
import com.google.auth.oauth2.ComputeEngineCredentials;
import com.google.auth.oauth2.GoogleCredentials;

/**
 * The gateway's own Google credentials, loaded on first use (blocking) and kept once loaded. A failed load is not
 * kept: the next mint tries again (the token cache's failure window keeps that rare).
 *
 * <p>Deliberately not {@code GoogleCredentials.getApplicationDefault()}: it remembers for the life of the JVM that
 * the metadata server was once unreachable, and it also picks up gcloud user credentials from the home directory,
 * which a server should not sign with.
 */
final class AmbientCredentials {

    private static final int PROBE_CONNECT_TIMEOUT_MS = 1000;
    private static final int PROBE_READ_TIMEOUT_MS = 2000;

    private final GoogleCredentialsOptions options;
    private volatile GoogleCredentials loaded;

    AmbientCredentials(GoogleCredentialsOptions options) {
        this.options = options;
    }

    /** Blocking. */
    GoogleCredentials get() throws IOException {
        GoogleCredentials credentials = loaded;
        if (credentials == null) {
            synchronized (this) {
                credentials = loaded;
                if (credentials == null) {
                    credentials = load();
                    loaded = credentials;
                }
            }
        }
        return credentials;
    }

    /** Where the credentials come from, for messages. */
    String source() {
        return options.keyFile()
                .map(file -> "the service-account key file " + file)
                .orElse("the metadata server at " + ComputeEngineCredentials.getMetadataServerUrl());
    }

    private GoogleCredentials load() throws IOException {
        if (options.keyFile().isPresent()) {
            return fromKeyFile(options.keyFile().get());
        }
        probeMetadataServer();
        return ComputeEngineCredentials.newBuilder().setHttpTransportFactory(options.transportFactory()).build();
    }

    private GoogleCredentials fromKeyFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return GoogleCredentials.fromStream(in, options.transportFactory());
        } catch (NoSuchFileException e) {
            throw new IOException("the service-account key file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new IOException("cannot read the service-account key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The metadata server answers with {@code Metadata-Flavor: Google}; anything else is not one. */
    private void probeMetadataServer() throws IOException {
        String url = ComputeEngineCredentials.getMetadataServerUrl();
        String missing = "no Google credentials: no service-account key file is configured"
                + " (GATEHOUSE_GOOGLE_CREDENTIALS or " + GoogleCredentialsOptions.KEY_FILE_VARIABLE
                + ") and no metadata server answered at " + url
                + " (not running on Google Cloud?)";
        HttpResponse response;
        try {
            HttpRequest request = options.transportFactory().create().createRequestFactory()
                    .buildGetRequest(new GenericUrl(url + "/"))
                    .setConnectTimeout(PROBE_CONNECT_TIMEOUT_MS)
                    .setReadTimeout(PROBE_READ_TIMEOUT_MS)
                    .setThrowExceptionOnExecuteError(false)
                    .setNumberOfRetries(0);
            request.getHeaders().set("Metadata-Flavor", "Google");
            response = request.execute();
        } catch (IOException e) {
            throw new IOException(missing + ": " + e, e);
        }
        try {
            Object flavor = response.getHeaders().get("metadata-flavor");
            if (flavor == null || !String.valueOf(flavor).contains("Google")) {
                throw new IOException(missing + ": the answer (HTTP " + response.getStatusCode()
                        + ") lacks Metadata-Flavor: Google");
            }
        } finally {
            response.disconnect();
        }
    }
}
