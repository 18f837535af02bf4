package dev.gatehouse.gateway.google;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.google.auth.ServiceAccountSigner;
import com.google.auth.oauth2.ComputeEngineCredentials;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.IdTokenProvider;
import com.google.auth.oauth2.ImpersonatedCredentials;

import dev.gatehouse.core.cloudrun.SigningIdentity;

/**
 * Mints with google-auth-library (blocking): the gateway's identity through its ambient credentials'
 * {@link IdTokenProvider} (service-account key: the OAuth token endpoint; metadata server: its identity endpoint with
 * {@code format=full}); a service account through {@link ImpersonatedCredentials} (IAM Credentials
 * {@code generateIdToken}, called with the ambient credentials' access token, {@code includeEmail} set).
 *
 * <p>{@code IdTokenCredentials} is not used: it keeps its own token on the library's clock, which would hide expiry
 * from the gateway's cache.
 */
public final class GoogleAuthMinter implements IdTokenMinter {

    private static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";

    private final GoogleCredentialsOptions options;
    private final AmbientCredentials ambient;
    private final Map<String, ImpersonatedCredentials> impersonated = new ConcurrentHashMap<>();

    public GoogleAuthMinter(GoogleCredentialsOptions options) {
        this.options = options;
        this.ambient = new AmbientCredentials(options);
    }

    @Override
    public IdToken mint(SigningIdentity identity, String audience) throws IOException {
        com.google.auth.oauth2.IdToken token;
        if (identity instanceof SigningIdentity.ServiceAccount account) {
            token = impersonating(account.email(), audience);
        } else {
            token = asGateway(audience);
        }
        return new IdToken(token.getTokenValue(), token.getExpirationTime().toInstant());
    }

    /** The service account the ambient credentials belong to (the metadata server is asked when they come from it). */
    @Override
    public Optional<String> gatewayAccount() throws IOException {
        GoogleCredentials credentials = ambient.get();
        if (credentials instanceof ServiceAccountSigner signer) {
            return Optional.ofNullable(signer.getAccount());
        }
        return Optional.empty();
    }

    private com.google.auth.oauth2.IdToken asGateway(String audience) throws IOException {
        GoogleCredentials credentials = ambient.get();
        if (!(credentials instanceof IdTokenProvider provider)) {
            throw new IOException(ambient.source() + " holds " + credentials.getClass().getSimpleName()
                    + ", which cannot mint ID tokens; use a service-account key file or the metadata server");
        }
        List<IdTokenProvider.Option> tokenOptions = credentials instanceof ComputeEngineCredentials
                ? List.of(IdTokenProvider.Option.FORMAT_FULL)
                : List.of();
        try {
            return provider.idTokenWithAudience(audience, tokenOptions);
        } catch (IOException e) {
            throw new IOException(Causes.describe(e) + " (credentials from " + ambient.source() + ")", e);
        }
    }

    private com.google.auth.oauth2.IdToken impersonating(String email, String audience) throws IOException {
        ImpersonatedCredentials credentials = impersonated.get(email);
        if (credentials == null) {
            GoogleCredentials source = ambient.get().createScoped(List.of(CLOUD_PLATFORM));
            credentials = impersonated.computeIfAbsent(email, target -> ImpersonatedCredentials.newBuilder()
                    .setSourceCredentials(source)
                    .setTargetPrincipal(target)
                    .setScopes(List.of(CLOUD_PLATFORM))
                    .setHttpTransportFactory(options.transportFactory())
                    .build());
        }
        try {
            return credentials.idTokenWithAudience(audience, List.of(IdTokenProvider.Option.INCLUDE_EMAIL));
        } catch (IOException e) {
            throw new IOException(Causes.describe(e) + impersonationHint(e, email), e);
        }
    }

    private String impersonationHint(IOException e, String email) {
        String message = Causes.describe(e);
        if (message.contains("Error code 403")) {
            return " (the gateway's identity, from " + ambient.source()
                    + ", needs roles/iam.serviceAccountTokenCreator on " + email + ")";
        }
        if (message.contains("Error code 404")) {
            return " (does the service account " + email + " exist?)";
        }
        return " (the gateway's identity, from " + ambient.source() + ", calls IAM Credentials as the caller)";
    }
}
