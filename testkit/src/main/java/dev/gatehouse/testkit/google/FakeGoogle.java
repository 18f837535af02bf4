package dev.gatehouse.testkit.google;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.vertx.core.json.JsonObject;

/**
 * The parts of Google that a Cloud Run upstream involves, each a real HTTP server on 127.0.0.1, sharing one
 * ID-token signing key and one set of service accounts:
 * <ul>
 *   <li>the OAuth token endpoint {@link #tokenUri()} (JWT-bearer grant: ID tokens for {@code target_audience},
 *       access tokens for {@code scope}) with the JWKS at {@link #certsUri()};</li>
 *   <li>the metadata server {@link #metadataUri()} of an instance running as {@link #metadataAccount()};</li>
 *   <li>the IAM Credentials API {@link #iamCredentialsUri()} ({@code generateIdToken});</li>
 *   <li>Cloud Run services started with {@link #startCloudRun(CloudRunOptions)}.</li>
 * </ul>
 * Every ID token issued counts as a mint for (service account, audience): {@link #mints(String, String)}.
 */
public final class FakeGoogle implements AutoCloseable {

    public static final String DEFAULT_METADATA_ACCOUNT = "gatehouse-gateway@fake-project.iam.gserviceaccount.com";

    private final GoogleState state;
    private final FakeServiceAccount metadataAccount;
    private final FakeHttpServer oauth;
    private final FakeHttpServer metadata;
    private final FakeHttpServer iam;
    private final List<FakeCloudRun> cloudRuns = new CopyOnWriteArrayList<>();

    private FakeGoogle(Clock clock) {
        this.state = new GoogleState(clock);
        this.metadataAccount = state.createServiceAccount(DEFAULT_METADATA_ACCOUNT);
        TokenEndpoint tokenEndpoint = new TokenEndpoint(state);
        this.oauth = FakeHttpServer.start("fake-google-oauth", tokenEndpoint);
        tokenEndpoint.servedAt(tokenUri());
        this.metadata = FakeHttpServer.start("fake-google-metadata", new MetadataServer(state, metadataAccount));
        this.iam = FakeHttpServer.start("fake-google-iam", new IamCredentials(state));
    }

    /** Starts the servers; tokens are stamped and checked with the given clock. */
    public static FakeGoogle start(Clock clock) {
        return new FakeGoogle(clock);
    }

    public static FakeGoogle start() {
        return start(Clock.systemUTC());
    }

    public FakeServiceAccount createServiceAccount(String email) {
        return state.createServiceAccount(email);
    }

    /** The default service account of the instance the metadata server describes. */
    public FakeServiceAccount metadataAccount() {
        return metadataAccount;
    }

    /** Writes the account's key file (its {@code token_uri} is this fake's token endpoint) into a directory. */
    public Path writeKeyFile(FakeServiceAccount account, Path directory) {
        Path file = directory.resolve(account.email().replace('@', '_') + ".json");
        try {
            Files.writeString(file, account.keyFileJson(tokenUri()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** From now on {@code caller} lacks {@code roles/iam.serviceAccountTokenCreator} on {@code serviceAccount}. */
    public void revokeTokenCreator(String caller, String serviceAccount) {
        state.denyTokenCreator(caller, serviceAccount);
    }

    /** How many ID tokens were issued for (service account, audience) by any endpoint. */
    public int mints(String email, String audience) {
        return state.mints(email, audience);
    }

    public int totalMints() {
        return state.totalMints();
    }

    public List<GenerateIdTokenCall> generateIdTokenCalls() {
        return state.generateIdTokenCalls();
    }

    /** The claims Google would put in an ID token for the account and audience now (to tweak and {@link #sign}). */
    public JsonObject idTokenClaims(FakeServiceAccount account, String audience) {
        return state.idTokenClaims(account, audience, true);
    }

    /** Signs arbitrary claims with Google's key (for tokens a test crafts: expired, wrong audience, …). */
    public String sign(JsonObject claims) {
        return state.sign(claims);
    }

    /** Issues an ID token as the token endpoint would (counted as a mint). */
    public String issueIdToken(FakeServiceAccount account, String audience) {
        return state.mintIdToken(account, audience, state.idTokenClaims(account, audience, true));
    }

    public FakeCloudRun startCloudRun(CloudRunOptions options) {
        FakeCloudRun service = new FakeCloudRun(state, options);
        cloudRuns.add(service);
        return service;
    }

    /** {@code http://127.0.0.1:PORT/token} — stands for {@code https://oauth2.googleapis.com/token}. */
    public URI tokenUri() {
        return oauth.uri().resolve(TokenEndpoint.TOKEN_PATH);
    }

    /** {@code http://127.0.0.1:PORT/fake/mints}: the mint counts as JSON, for processes outside this JVM. */
    public URI mintsUri() {
        return oauth.uri().resolve(TokenEndpoint.MINTS_PATH);
    }

    /** {@code http://127.0.0.1:PORT/oauth2/v3/certs} — stands for {@code https://www.googleapis.com/oauth2/v3/certs}. */
    public URI certsUri() {
        return oauth.uri().resolve(TokenEndpoint.CERTS_PATH);
    }

    /** {@code http://127.0.0.1:PORT} — stands for {@code http://metadata.google.internal}. */
    public URI metadataUri() {
        return metadata.uri();
    }

    /** The metadata server as {@code host:port}, the form of {@code GCE_METADATA_HOST}. */
    public String metadataHost() {
        return "127.0.0.1:" + metadata.port();
    }

    /** {@code http://127.0.0.1:PORT} — stands for {@code https://iamcredentials.googleapis.com}. */
    public URI iamCredentialsUri() {
        return iam.uri();
    }

    @Override
    public void close() {
        cloudRuns.forEach(FakeCloudRun::close);
        oauth.close();
        metadata.close();
        iam.close();
    }
}
