package dev.gatehouse.gateway.authn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.gatehouse.core.config.Idp;
import dev.gatehouse.core.crypto.SecretBox;
import dev.gatehouse.core.crypto.SecretBoxException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.providers.OpenIDConnectAuth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link OidcClient} of every (tenant, IdP), discovered on first use and cached. A changed IdP (any field,
 * the sealed secret included) gets a new client; a failed discovery is retried after {@link #RETRY_AFTER}.
 */
final class OidcClients {

    static final Duration RETRY_AFTER = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(OidcClients.class);
    private static final String DISCOVERY_SUFFIX = "/.well-known/openid-configuration";

    private record Entry(Idp idp, Future<OidcClient> client, Instant createdAt) {
    }

    private record Key(java.util.UUID tenantId, String idpName) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Vertx vertx;
    private final SecretBox secrets;
    private final Clock clock;
    private final HttpClient http;
    private final HttpClientOptions httpOptions;

    OidcClients(Vertx vertx, SecretBox secrets, Clock clock) {
        this.vertx = vertx;
        this.secrets = secrets;
        this.clock = clock;
        this.httpOptions = new HttpClientOptions()
                .setConnectTimeout((int) JwksKeys.HTTP_TIMEOUT_MILLIS)
                .setIdleTimeout((int) (JwksKeys.HTTP_TIMEOUT_MILLIS / 1000));
        this.http = vertx.createHttpClient(httpOptions);
    }

    /** The IdP's client, discovered once and shared; delivered on the caller's context. */
    Future<OidcClient> get(Idp idp) {
        Key key = new Key(idp.meta().tenantId(), idp.name());
        Instant now = clock.instant();
        Entry entry = entries.compute(key, (k, current) -> current != null && usable(current, idp, now)
                ? current
                : new Entry(idp, discover(idp), now));
        return CallerContext.deliver(entry.client());
    }

    Future<Void> close() {
        entries.values().forEach(entry -> entry.client().onSuccess(OidcClient::close));
        entries.clear();
        return http.close();
    }

    private boolean usable(Entry entry, Idp idp, Instant now) {
        if (!entry.idp().equals(idp)) {
            entry.client().onSuccess(OidcClient::close);
            return false;
        }
        return !entry.client().failed() || now.isBefore(entry.createdAt().plus(RETRY_AFTER));
    }

    private Future<OidcClient> discover(Idp idp) {
        OAuth2Options options;
        try {
            options = new OAuth2Options()
                    .setSite(site(idp.issuer()))
                    .setClientId(Objects.requireNonNull(idp.clientId(), "the IdP has no client id"))
                    .setClientSecret(clientSecret(idp))
                    .setValidateIssuer(true)
                    .setUserAgent("Gatehouse")
                    .setHttpClientOptions(new HttpClientOptions(httpOptions));
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        return OpenIDConnectAuth.discover(vertx, options)
                .timeout(JwksKeys.HTTP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .compose(auth -> {
                    String issuer = options.getJWTOptions() == null ? null : options.getJWTOptions().getIssuer();
                    if (issuer == null || options.getJwkPath() == null) {
                        return Future.failedFuture("the discovery document names no issuer or jwks_uri");
                    }
                    return JwksKeys.load(vertx, http, options.getJwkPath(), clock).map(keys -> new OidcClient(auth,
                            idp.clientId(), idp.scopes(), options.getLogoutPath() != null,
                            new IdTokenVerifier(keys, issuer, idp.clientId(), clock)));
                })
                .onFailure(e -> LOG.warn("OIDC discovery for IdP {} of tenant {} failed: {}", idp.name(),
                        idp.meta().tenantId(), e.getMessage()));
    }

    private String clientSecret(Idp idp) {
        byte[] sealed = idp.clientSecretSealed();
        if (sealed == null) {
            return null;
        }
        try {
            return secrets.open(sealed, Idp.secretAad(idp.meta().tenantId(), idp.name()));
        } catch (SecretBoxException e) {
            throw new IllegalStateException("the client secret of IdP " + idp.name() + " does not open", e);
        }
    }

    private static String site(String issuer) {
        Objects.requireNonNull(issuer, "the IdP has no issuer");
        String site = issuer.endsWith(DISCOVERY_SUFFIX) ? issuer.substring(0, issuer.length() - DISCOVERY_SUFFIX.length())
                : issuer;
        return site.endsWith("/") ? site.substring(0, site.length() - 1) : site;
    }
}
