package dev.gatehouse.gateway.authn;

import java.time.Duration;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Login and sessions for the data plane: the {@link Authenticator} of the pipeline and the {@link GatewayPaths}
 * handler, sharing one set of stores and one cache of OIDC clients. Expired sessions, sign-ins in flight and used
 * handoffs are swept every {@link #SWEEP_EVERY}.
 */
public final class Authentication {

    static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final Vertx vertx;
    private final AuthenticationOptions options;
    private final OidcClients clients;
    private final Authenticator authenticator;
    private final GatewayPaths gatewayPaths;
    private final long sweeper;

    private Authentication(Vertx vertx, AuthenticationOptions options) {
        this.vertx = vertx;
        this.options = options;
        this.clients = new OidcClients(vertx, options.secrets(), options.clock());
        AuthnContext context = new AuthnContext(options.sessions(), options.pendingLogins(), options.handoffReplays(),
                new HandoffCodec(options.handoffKey()), clients,
                new SessionRefresher(options.sessions(), clients, options.clock()), options.lifetimes(),
                options.clock());
        BearerTokens bearerTokens = new BearerTokens(clients);
        Continuation continuation = new Continuation(context);
        this.authenticator = new SessionAuthenticator(context, bearerTokens);
        this.gatewayPaths = new GatewayPathHandler(new SignIn(context, continuation), new Callback(context, continuation),
                new HandoffExchange(context), new SignOut(context), new WhoAmI(context, bearerTokens));
        this.sweeper = vertx.setPeriodic(SWEEP_EVERY.toMillis(), id -> sweep());
    }

    public static Authentication create(Vertx vertx, AuthenticationOptions options) {
        return new Authentication(vertx, options);
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    public GatewayPaths gatewayPaths() {
        return gatewayPaths;
    }

    /** Stops the sweeper and closes the OIDC clients; the stores stay as they are. */
    public Future<Void> close() {
        vertx.cancelTimer(sweeper);
        return clients.close();
    }

    private void sweep() {
        options.sessions().evictExpired();
        options.pendingLogins().evictExpired();
        options.handoffReplays().evictExpired();
    }
}
