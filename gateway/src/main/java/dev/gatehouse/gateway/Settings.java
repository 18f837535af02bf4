package dev.gatehouse.gateway;

import dev.gatehouse.core.net.CidrBlock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Validated process settings. Optional values are empty when the operator left them unset and Gatehouse
 * generates or embeds the thing instead (operator token, master key, database).
 */
public record Settings(
        int httpPort,
        int adminPort,
        String bind,
        Role role,
        Path dataDir,
        Optional<String> databaseUrl,
        Optional<String> masterKey,
        Optional<String> operatorToken,
        Duration shutdownGrace,
        ClusterSettings cluster,
        GoogleSettings google,
        List<CidrBlock> trustedProxies,
        int eventLoops) {

    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final int DEFAULT_ADMIN_PORT = 9090;
    public static final String DEFAULT_BIND = "0.0.0.0";
    public static final Path DEFAULT_DATA_DIR = Path.of(".gatehouse");
    public static final Path DEMO_DATA_DIR = Path.of(".gatehouse-demo");
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
    public static final int MAX_EVENT_LOOPS = 256;

    public Settings {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        Objects.requireNonNull(masterKey, "masterKey");
        Objects.requireNonNull(operatorToken, "operatorToken");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(google, "google");
        trustedProxies = List.copyOf(trustedProxies);
        if (eventLoops < 1 || eventLoops > MAX_EVENT_LOOPS) {
            throw new IllegalArgumentException("eventLoops must be from 1 to " + MAX_EVENT_LOOPS);
        }
    }

    /** One event loop per processor: the gateway's work is CPU-bound and never blocks. */
    public static int defaultEventLoops() {
        return Math.min(MAX_EVENT_LOOPS, Runtime.getRuntime().availableProcessors());
    }

    /** Flags win over environment variables; blank environment variables count as unset. */
    public static Invocation parse(List<String> args, Map<String, String> env) {
        return new SettingsParser(args, env).parse();
    }

    /** Settings with every default, for tests and embedding; the data directory must still be chosen. */
    public static Settings defaults(Path dataDir) {
        return new Settings(DEFAULT_HTTP_PORT, DEFAULT_ADMIN_PORT, DEFAULT_BIND, Role.ALL, dataDir,
                Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_SHUTDOWN_GRACE,
                new ClusterSettings(List.of(), ClusterSettings.DEFAULT_NAME, ClusterSettings.DEFAULT_PORT),
                GoogleSettings.DEFAULTS, List.of(), defaultEventLoops());
    }

    public Settings withPorts(int httpPort, int adminPort) {
        return new Settings(httpPort, adminPort, bind, role, dataDir, databaseUrl, masterKey, operatorToken,
                shutdownGrace, cluster, google, trustedProxies, eventLoops);
    }

    public Settings withBind(String bind) {
        return new Settings(httpPort, adminPort, bind, role, dataDir, databaseUrl, masterKey, operatorToken,
                shutdownGrace, cluster, google, trustedProxies, eventLoops);
    }

    public Settings withOperatorToken(String operatorToken) {
        return new Settings(httpPort, adminPort, bind, role, dataDir, databaseUrl, masterKey,
                Optional.of(operatorToken), shutdownGrace, cluster, google, trustedProxies, eventLoops);
    }

    public Settings withDatabaseUrl(String databaseUrl) {
        return new Settings(httpPort, adminPort, bind, role, dataDir, Optional.of(databaseUrl), masterKey,
                operatorToken, shutdownGrace, cluster, google, trustedProxies, eventLoops);
    }

    public Settings withGoogle(GoogleSettings google) {
        return new Settings(httpPort, adminPort, bind, role, dataDir, databaseUrl, masterKey, operatorToken,
                shutdownGrace, cluster, google, trustedProxies, eventLoops);
    }

    public Settings withTrustedProxies(List<CidrBlock> trustedProxies) {
        return new Settings(httpPort, adminPort, bind, role, dataDir, databaseUrl, masterKey, operatorToken,
                shutdownGrace, cluster, google, trustedProxies, eventLoops);
    }

    public Settings withEventLoops(int eventLoops) {
        return new Settings(httpPort, adminPort, bind, role, dataDir, databaseUrl, masterKey, operatorToken,
                shutdownGrace, cluster, google, trustedProxies, eventLoops);
    }

    public Settings withRole(Role role) {
        return new Settings(httpPort, adminPort, bind, role, dataDir, databaseUrl, masterKey, operatorToken,
                shutdownGrace, cluster, google, trustedProxies, eventLoops);
    }

    /** Secrets (token, key, database URL with its password) never appear here. */
    @Override
    public String toString() {
        return "Settings[httpPort=" + httpPort + ", adminPort=" + adminPort + ", bind=" + bind
                + ", role=" + role + ", dataDir=" + dataDir
                + ", databaseUrl=" + (databaseUrl.isPresent() ? "[set]" : "[embedded]")
                + ", masterKey=" + (masterKey.isPresent() ? "[set]" : "[generated]")
                + ", operatorToken=" + (operatorToken.isPresent() ? "[set]" : "[generated]")
                + ", shutdownGrace=" + shutdownGrace + ", cluster=" + cluster + ", google=" + google
                + ", trustedProxies=" + trustedProxies + ", eventLoops=" + eventLoops + "]";
    }

    /** What the command line asks for. */
    public sealed interface Invocation {
        record Serve(Settings settings) implements Invocation {
        }

        record ShowHelp() implements Invocation {
        }

        record Demo(Settings settings) implements Invocation {
        }
    }
}
