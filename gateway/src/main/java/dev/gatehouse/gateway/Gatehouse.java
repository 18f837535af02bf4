package dev.gatehouse.gateway;

import dev.gatehouse.admin.AdminApi;
import dev.gatehouse.admin.AdminApiOptions;
import dev.gatehouse.core.crypto.MasterKey;
import dev.gatehouse.core.crypto.SecretBox;
import dev.gatehouse.gateway.pipeline.DataPlane;
import dev.gatehouse.gateway.pipeline.DataPlaneOptions;
import dev.gatehouse.migrations.DatabaseCoordinates;
import dev.gatehouse.migrations.EmbeddedDatabase;
import dev.gatehouse.migrations.MigrationResult;
import dev.gatehouse.migrations.Migrations;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Gatehouse: data directory, master key, database (embedded unless configured), migrations, and the
 * admin and gateway HTTP servers its role asks for. Start and stop are blocking and run off the event loop.
 */
public final class Gatehouse {
    private static final Logger LOG = LoggerFactory.getLogger(Gatehouse.class);
    private static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Settings settings;
    private final Teardown teardown = new Teardown();
    private final List<HttpServer> servers = new ArrayList<>();
    private final List<HttpServer> gatewayServers = new ArrayList<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private OptionalInt gatewayPort = OptionalInt.empty();
    private OptionalInt adminPort = OptionalInt.empty();
    private Optional<String> operatorToken = Optional.empty();
    private boolean nativeTransport;

    private Gatehouse(Settings settings) {
        this.settings = settings;
    }

    /**
     * Starts everything or nothing: on failure whatever was already started (the embedded PostgreSQL above all)
     * is stopped again before the exception leaves.
     *
     * @param stdout receives the one-time operator token announcement
     * @throws InvalidSettingsException when a setting turns out unusable (master key, database URL, data directory)
     * @throws StartupException         when the settings are fine but something fails (port in use, database down)
     */
    public static Gatehouse start(Settings settings, Consumer<String> stdout, Clock clock) throws StartupException {
        Gatehouse gatehouse = new Gatehouse(settings);
        try {
            gatehouse.boot(stdout, clock);
            return gatehouse;
        } catch (InvalidSettingsException | StartupException e) {
            gatehouse.teardown.run();
            throw e;
        } catch (RuntimeException e) {
            gatehouse.teardown.run();
            throw new StartupException(StartupException.describe(e), e);
        }
    }

    private void boot(Consumer<String> stdout, Clock clock) throws StartupException {
        Path dataDir = DataDirectory.prepare(settings.storage().dataDir());
        byte[] masterKey = masterKey(dataDir);
        DatabaseCoordinates database = database(dataDir);
        MigrationResult migrations = step("applying database migrations", () -> Migrations.apply(database));
        LOG.info("database schema at version {} ({} migrations applied now)", migrations.currentVersion(),
                migrations.migrationsExecuted());

        // At least one event loop per gateway listener, so each serves its connections on a thread of its own.
        // Native transport (epoll on Linux) where Netty can load it, else NIO.
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(
                Math.max(VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE, settings.listeners().eventLoops())));
        teardown.add("Vert.x", () -> await(vertx.close(), CLOSE_TIMEOUT));
        nativeTransport = vertx.isNativeTransportEnabled();
        if (nativeTransport) {
            LOG.info("network transport: native (epoll)");
        } else {
            Throwable cause = vertx.unavailableNativeTransportCause();
            LOG.info("network transport: NIO (native transport unavailable: {})",
                    cause == null ? "unknown cause" : StartupException.describe(cause));
        }
        PgConnectOptions connect = new PgConnectOptions()
                .setHost(database.host())
                .setPort(database.port())
                .setDatabase(database.database())
                .setUser(database.user())
                .setPassword(database.password());
        Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(8)).connectingTo(connect).using(vertx).build();
        teardown.add("database pool", () -> await(pool.close(), CLOSE_TIMEOUT));

        DataPlane dataPlane = settings.operator().role().servesGateway()
                ? startDataPlane(vertx, new DataPlaneOptions(pool, connect, masterKey,
                        settings.google().credentialsOptions(System.getenv()), clock)
                        .withTrustedProxies(settings.network().trustedProxies()))
                : null;

        if (settings.operator().role().servesAdmin()) {
            // Resolved only now, so a start that fails earlier never generates a token nobody was shown.
            OperatorToken operatorToken = OperatorToken.resolve(settings.operator().operatorToken(), dataDir);
            operatorToken.generatedAt().ifPresent(file -> stdout.accept(operatorToken.announcement()));
            this.operatorToken = Optional.of(operatorToken.value());
            BooleanSupplier configLoaded = dataPlane == null ? () -> true : dataPlane::isLoaded;
            AdminApiOptions adminOnly = new AdminApiOptions(
                    pool, operatorToken.value(), new SecretBox(masterKey), clock, configLoaded)
                    .withGatewayServiceAccount(settings.google().serviceAccount());
            // Sessions live in the gateway's memory: an admin-only process has none to show (its API answers 503).
            AdminApiOptions options = dataPlane == null ? adminOnly
                    : adminOnly.withSessions(dataPlane.sessionDirectory());
            Router adminApi = step("loading the admin API",
                    () -> await(AdminApi.create(vertx, options), LISTEN_TIMEOUT));
            adminPort = OptionalInt.of(listen(vertx, "admin", settings.listeners().adminPort(), adminApi));
        }
        if (dataPlane != null) {
            gatewayPort = OptionalInt.of(listenGateway(vertx, dataPlane.handler()));
        }
    }

    private DataPlane startDataPlane(Vertx vertx, DataPlaneOptions options) throws StartupException {
        DataPlane dataPlane = step("loading the gateway configuration",
                () -> await(DataPlane.start(vertx, options), LISTEN_TIMEOUT));
        teardown.add("data plane", () -> dataPlane.close(CLOSE_TIMEOUT));
        return dataPlane;
    }

    private byte[] masterKey(Path dataDir) {
        try {
            return MasterKey.resolve(settings.storage().masterKey().orElse(null), dataDir);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage());
        }
    }

    private DatabaseCoordinates database(Path dataDir) throws StartupException {
        Optional<String> databaseUrl = settings.storage().databaseUrl();
        if (databaseUrl.isPresent()) {
            try {
                return DatabaseCoordinates.parse(databaseUrl.get());
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingsException(e.getMessage());
            }
        }
        EmbeddedDatabase embedded = step("starting the embedded PostgreSQL", () -> EmbeddedDatabase.start(dataDir));
        teardown.add("embedded PostgreSQL", embedded::close);
        return embedded.coordinates();
    }

    private int listen(Vertx vertx, String name, int port, Handler<HttpServerRequest> handler)
            throws StartupException {
        HttpServer server = vertx.createHttpServer(serverOptions(port)).requestHandler(handler);
        try {
            await(server.listen(), LISTEN_TIMEOUT);
        } catch (Exception e) {
            throw cannotListen(name, port, e);
        }
        servers.add(server);
        LOG.info("{} listening on {}", name, ReadyLine.url(listeners().bind(), server.actualPort()));
        return server.actualPort();
    }

    /**
     * The gateway port, served by {@code eventLoops} servers, each created on an event-loop context of its own:
     * Vert.x binds the socket once and hands new connections to the servers in turn, so every connection lives on
     * one event loop and the request chain runs on as many threads as there are servers (its shared parts are safe
     * across threads, see {@link DataPlane}). Port 0 becomes -1: Vert.x then picks one free port for all of them.
     */
    private int listenGateway(Vertx vertx, Handler<HttpServerRequest> handler) throws StartupException {
        int port = listeners().httpPort() == 0 ? -1 : listeners().httpPort();
        List<HttpServer> started = new CopyOnWriteArrayList<>();
        try {
            await(vertx.deployVerticle(() -> new VerticleBase() {
                @Override
                public Future<?> start() {
                    HttpServer server = vertx.createHttpServer(serverOptions(port)).requestHandler(handler);
                    started.add(server);
                    return server.listen();
                }
            }, new DeploymentOptions().setInstances(listeners().eventLoops())), LISTEN_TIMEOUT);
        } catch (Exception e) {
            throw cannotListen("gateway", listeners().httpPort(), e);
        }
        servers.addAll(started);
        gatewayServers.addAll(started);
        int actualPort = started.get(0).actualPort();
        LOG.info("gateway listening on {} ({} event loops)", ReadyLine.url(listeners().bind(), actualPort),
                listeners().eventLoops());
        return actualPort;
    }

    private HttpServerOptions serverOptions(int port) {
        // No h2c upgrade: an HTTP/1.1 request that asks for one was answered with a stream reset instead of being
        // served; HTTP/2 comes with TLS (ALPN) once Gatehouse terminates TLS itself.
        return new HttpServerOptions().setHost(listeners().bind()).setPort(port).setHttp2ClearTextEnabled(false);
    }

    private StartupException cannotListen(String name, int port, Exception e) {
        return new StartupException("cannot listen for the " + name + " on " + listeners().bind() + " port " + port
                + ": " + StartupException.describe(e), e);
    }

    private ListenerSettings listeners() {
        return settings.listeners();
    }

    public OptionalInt gatewayPort() {
        return gatewayPort;
    }

    /** The port of each server of the gateway port, one per event loop (all the same port). */
    List<Integer> gatewayListenerPorts() {
        return gatewayServers.stream().map(HttpServer::actualPort).toList();
    }

    /** Whether the event loops run on the native transport (epoll) rather than NIO. */
    boolean nativeTransport() {
        return nativeTransport;
    }

    public OptionalInt adminPort() {
        return adminPort;
    }

    /** The operator token, when this process serves the admin API (demo mode configures itself with it). */
    public Optional<String> operatorToken() {
        return operatorToken;
    }

    /** A URL of the admin API that a local client can use. */
    public Optional<String> adminUrl() {
        return adminPort.isPresent() ? Optional.of(ReadyLine.url(listeners().bind(), adminPort.getAsInt()))
                : Optional.empty();
    }

    public String readyLine() {
        return ReadyLine.format(listeners().bind(), gatewayPort, adminPort);
    }

    /**
     * Stops accepting connections, gives in-flight requests the shutdown grace period, then closes the pool,
     * Vert.x and the embedded PostgreSQL. Safe to call more than once.
     *
     * @return true when every part stopped cleanly
     */
    public boolean stop() {
        if (!stopped.compareAndSet(false, true)) {
            return true;
        }
        Duration grace = settings.lifecycle().shutdownGrace();
        LOG.info("stopping: in-flight requests get up to {} ms", grace.toMillis());
        boolean clean = true;
        try {
            await(GracefulShutdown.of(servers, grace), grace.plus(CLOSE_TIMEOUT));
        } catch (Exception e) {
            LOG.warn("HTTP servers did not shut down cleanly: {}", StartupException.describe(e));
            clean = false;
        }
        clean &= teardown.run();
        LOG.info(clean ? "stopped" : "stopped, with errors");
        return clean;
    }

    private static <T> T step(String what, Step<T> action) throws StartupException {
        try {
            return action.run();
        } catch (InvalidSettingsException e) {
            throw e;
        } catch (Exception e) {
            throw new StartupException(what + " failed: " + StartupException.describe(e), e);
        }
    }

    static <T> T await(Future<T> future, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @FunctionalInterface
    private interface Step<T> {
        T run() throws Exception;
    }
}
