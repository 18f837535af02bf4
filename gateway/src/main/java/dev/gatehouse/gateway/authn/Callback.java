package dev.gatehouse.gateway.authn;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.gatehouse.core.config.Idp;
import dev.gatehouse.core.config.TenantConfig;
import dev.gatehouse.core.crypto.Tokens;
import dev.gatehouse.gateway.pages.Sentences;
import dev.gatehouse.gateway.session.Session;
import dev.gatehouse.gateway.session.SessionCookie;
import dev.gatehouse.gateway.session.SessionTokens;
import dev.gatehouse.gateway.session.SessionUser;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /.gatehouse/callback}: the IdP's redirect back. The state must name a sign-in in flight started by this
 * browser (login cookie), and is used up whatever happens next; then the code is exchanged, the ID token verified
 * (signature, iss, aud/azp, exp, nonce) and a new session created with a new id.
 */
final class Callback {

    private static final Logger LOG = LoggerFactory.getLogger(Callback.class);
    private static final Pattern IDP_ERROR = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final AuthnContext context;
    private final Continuation continuation;

    Callback(AuthnContext context, Continuation continuation) {
        this.context = context;
        this.continuation = continuation;
    }

    Future<Void> handle(HttpServerRequest request, TenantConfig tenant, PublicOrigin origin) {
        String startOver = LoginUrls.authenticateOrigin(tenant, origin).url("/");
        if (!LoginUrls.onAuthenticateHost(tenant, origin)) {
            return Responses.failure(request.response(),
                    new LoginFailed(400, "Sign-in does not return to this address."), startOver);
        }
        return context.pendingLogins().take(request.getParam("state"))
                .compose(pending -> complete(request, tenant, origin, pending))
                .recover(error -> error instanceof LoginFailed failed
                        ? Responses.failure(request.response(), failed, startOver)
                        : Future.failedFuture(error));
    }

    private Future<Void> complete(HttpServerRequest request, TenantConfig tenant, PublicOrigin origin,
            Optional<PendingLogin> found) {
        if (found.isEmpty() || !found.get().tenantId().equals(tenant.tenant().id())) {
            throw new LoginFailed(400, "This sign-in link is unknown, has expired, or was already used.");
        }
        PendingLogin pending = found.get();
        if (!Tokens.constantTimeEquals(LoginCookie.read(request), pending.browserBinding())) {
            throw new LoginFailed(400, "This sign-in was started in another browser, or its cookie was lost.");
        }
        String idpError = request.getParam("error");
        if (idpError != null) {
            String shown = IDP_ERROR.matcher(idpError).matches() ? idpError : "unknown error";
            throw new LoginFailed(403, "The identity provider did not sign you in (" + shown + ").");
        }
        String code = request.getParam("code");
        Optional<Idp> idp = AuthnContext.idp(tenant, pending.idpName());
        if (code == null || code.isEmpty() || idp.isEmpty()) {
            throw new LoginFailed(400, "The identity provider's answer is incomplete.");
        }
        return context.clients().get(idp.get())
                .recover(error -> Future.failedFuture(new LoginFailed(502,
                        "The identity provider of this site cannot be reached. Try again in a moment.")))
                .compose(client -> client.exchange(code, pending.codeVerifier(), LoginUrls.redirectUri(tenant, origin))
                        .recover(error -> {
                            LOG.info("code exchange refused for tenant {} IdP {}: {}", tenant.tenant().slug(),
                                    pending.idpName(), error.getMessage());
                            return Future.failedFuture(new LoginFailed(400,
                                    "The identity provider did not accept this sign-in."));
                        })
                        .compose(tokens -> verify(client, tokens, pending)
                                .map(verified -> newSession(tenant, origin, idp.get(), tokens, verified))))
                .compose(session -> replaceSession(request, tenant, session))
                .compose(session -> {
                    SessionCookie.set(request.response(), session, origin.secure(), session.createdAt());
                    return continuation.proceed(request, tenant, origin, session, pending.returnTo());
                });
    }

    private static Future<VerifiedToken> verify(OidcClient client, IdpTokens tokens, PendingLogin pending) {
        if (tokens.idToken() == null) {
            return Future.failedFuture(new LoginFailed(502, "The identity provider sent no ID token."));
        }
        return client.verifier().verify(tokens.idToken(), pending.nonce()).recover(error -> {
            LOG.info("ID token refused for tenant {} IdP {}: {}", pending.tenantId(), pending.idpName(),
                    error.getMessage());
            return Future.failedFuture(new LoginFailed(400, Sentences.end("The identity provider's ID token was refused: "
                    + (error instanceof TokenRejected ? error.getMessage() : "it could not be checked"))));
        });
    }

    private Session newSession(TenantConfig tenant, PublicOrigin origin, Idp idp, IdpTokens tokens,
            VerifiedToken verified) {
        SessionUser user;
        try {
            user = ClaimSelection.select(verified.claims(), idp.groupsClaim());
        } catch (TokenRejected e) {
            throw new LoginFailed(400,
                    Sentences.end("The identity provider's ID token was refused: " + e.getMessage()));
        }
        Instant now = context.clock().instant();
        Instant refreshAt = tokens.refreshToken() == null ? null : verified.expiresAt();
        return new Session(Session.newId(), Session.newId(), null, tenant.tenant().id(), idp.name(), user,
                new SessionTokens(tokens.idToken(), tokens.refreshToken(), refreshAt), now, now,
                now.plus(context.lifetimes().absolute()), origin.host());
    }

    /** Stores the new session, dropping the one the browser had before (session ids never survive a sign-in). */
    private Future<Session> replaceSession(HttpServerRequest request, TenantConfig tenant, Session session) {
        return SessionAuthenticator.storedSession(context, request, tenant)
                .compose(previous -> previous.isPresent()
                        ? context.sessions().remove(previous.get().id()).mapEmpty()
                        : Future.succeededFuture())
                .compose(v -> context.sessions().put(session))
                .map(v -> session);
    }
}
