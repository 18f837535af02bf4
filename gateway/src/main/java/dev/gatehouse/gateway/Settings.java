package dev.gatehouse.gateway;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Validated process settings, one small record per concern. Each concern's record holds its defaults;
 * {@link #defaults(Path)} puts them together. Optional values are empty when the operator left them unset and
 * Gatehouse generates or embeds the thing instead (operator token, master key, database). {@link #toString()}
 * shows no secret.
 */
public record Settings(
        ListenerSettings listeners,
        StorageSettings storage,
        OperatorSettings operator,
        LifecycleSettings lifecycle,
        NetworkSettings network,
        ClusterSettings cluster,
        GoogleSettings google) {

    public Settings {
        Objects.requireNonNull(listeners, "listeners");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(google, "google");
    }

    /** Flags win over environment variables; blank environment variables count as unset. */
    public static Invocation parse(List<String> args, Map<String, String> env) {
        return new SettingsParser(args, env).parse();
    }

    /** Settings with every default, for tests and embedding; the data directory must still be chosen. */
    public static Settings defaults(Path dataDir) {
        return new Settings(ListenerSettings.defaults(ListenerSettings.DEFAULT_BIND), StorageSettings.defaults(dataDir),
                OperatorSettings.DEFAULTS, LifecycleSettings.DEFAULTS, NetworkSettings.DEFAULTS,
                ClusterSettings.DEFAULTS, GoogleSettings.DEFAULTS);
    }

    public Settings withListeners(UnaryOperator<ListenerSettings> change) {
        return new Settings(change.apply(listeners), storage, operator, lifecycle, network, cluster, google);
    }

    public Settings withStorage(UnaryOperator<StorageSettings> change) {
        return new Settings(listeners, change.apply(storage), operator, lifecycle, network, cluster, google);
    }

    public Settings withOperator(UnaryOperator<OperatorSettings> change) {
        return new Settings(listeners, storage, change.apply(operator), lifecycle, network, cluster, google);
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
