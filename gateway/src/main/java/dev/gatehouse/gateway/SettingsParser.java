package dev.gatehouse.gateway;

import dev.gatehouse.core.net.CidrBlock;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads flags ({@code --name value} or {@code --name=value}) and environment variables into {@link Settings}. */
final class SettingsParser {
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m)?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern MEMBER = Pattern.compile("[A-Za-z0-9._\\-\\[\\]:]+:([0-9]{1,5})");

    private final List<String> args;
    private final Map<String, String> env;
    private final Map<Option, String> flagValues = new EnumMap<>(Option.class);
    private boolean help;
    private boolean demo;

    SettingsParser(List<String> args, Map<String, String> env) {
        this.args = List.copyOf(args);
        this.env = Map.copyOf(env);
    }

    Settings.Invocation parse() {
        readFlags();
        if (help) {
            return new Settings.Invocation.ShowHelp();
        }
        if (!demo) {
            return new Settings.Invocation.Serve(
                    settings(StorageSettings.DEFAULT_DATA_DIR, ListenerSettings.DEFAULT_BIND));
        }
        // The demo's identity provider signs in anyone: by default it listens on loopback only, with its own data.
        Settings settings = settings(StorageSettings.DEMO_DATA_DIR, ListenerSettings.DEMO_BIND);
        if (settings.operator().role() != Role.ALL) {
            throw new InvalidSettingsException("--demo runs the gateway and the admin API together; leave out --role");
        }
        return new Settings.Invocation.Demo(settings);
    }

    private void readFlags() {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (arg.equals("--demo")) {
                demo = true;
                continue;
            }
            int equals = arg.indexOf('=');
            String flag = equals < 0 ? arg : arg.substring(0, equals);
            Option option = Option.byFlag(flag);
            if (option == null) {
                throw new InvalidSettingsException(arg.startsWith("-")
                        ? "unknown flag " + flag + " (see --help)"
                        : "unexpected argument \"" + arg + "\" (see --help)");
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new InvalidSettingsException(flag + " needs a value: " + flag + " " + option.valueName);
            }
            if (flagValues.put(option, value) != null) {
                throw new InvalidSettingsException(flag + " is given more than once");
            }
        }
    }

    /** Reads the values in a fixed order, so that of several bad ones the same one is always reported. */
    private Settings settings(Path defaultDataDir, String defaultBind) {
        Role role = value(Option.ROLE).map(v -> Role.parse(v.text())).orElse(OperatorSettings.DEFAULTS.role());
        int httpPort = value(Option.HTTP_PORT).map(this::port).orElse(ListenerSettings.DEFAULT_HTTP_PORT);
        int adminPort = value(Option.ADMIN_PORT).map(this::port).orElse(ListenerSettings.DEFAULT_ADMIN_PORT);
        if (role == Role.ALL && httpPort != 0 && httpPort == adminPort) {
            throw new InvalidSettingsException(
                    "the gateway port and the admin port are both " + httpPort + "; they must differ");
        }
        String bind = value(Option.BIND).map(this::word).orElse(defaultBind);
        StorageSettings storage = new StorageSettings(value(Option.DATA_DIR).map(this::path).orElse(defaultDataDir),
                value(Option.DATABASE_URL).map(this::word), value(Option.MASTER_KEY).map(this::word));
        OperatorSettings operator = new OperatorSettings(role, value(Option.OPERATOR_TOKEN).map(this::word));
        LifecycleSettings lifecycle = new LifecycleSettings(
                value(Option.SHUTDOWN_GRACE).map(this::duration).orElse(LifecycleSettings.DEFAULT_SHUTDOWN_GRACE));
        ClusterSettings cluster = new ClusterSettings(
                value(Option.CLUSTER_MEMBERS).map(this::members).orElse(ClusterSettings.DEFAULTS.members()),
                value(Option.CLUSTER_NAME).map(this::word).orElse(ClusterSettings.DEFAULT_NAME),
                value(Option.CLUSTER_PORT).map(this::port).orElse(ClusterSettings.DEFAULT_PORT));
        GoogleSettings google = new GoogleSettings(value(Option.GOOGLE_CREDENTIALS).map(this::path),
                value(Option.GOOGLE_SERVICE_ACCOUNT).map(this::email));
        NetworkSettings network = new NetworkSettings(
                value(Option.TRUSTED_PROXIES).map(this::cidrs).orElse(NetworkSettings.DEFAULTS.trustedProxies()));
        ListenerSettings listeners = new ListenerSettings(httpPort, adminPort, bind,
                value(Option.EVENT_LOOPS).map(this::eventLoops).orElse(ListenerSettings.defaultEventLoops()));
        return new Settings(listeners, storage, operator, lifecycle, network, cluster, google);
    }

    /** A configured value and where it came from, so errors name the flag or variable the operator used. */
    private record Value(String source, String text) {
    }

    private Optional<Value> value(Option option) {
        String flagValue = flagValues.get(option);
        if (flagValue != null) {
            return Optional.of(new Value(option.flag, flagValue));
        }
        String envValue = env.get(option.env);
        if (envValue == null || envValue.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Value(option.env, envValue.trim()));
    }

    private int port(Value value) {
        String text = value.text().trim();
        if (text.matches("[0-9]{1,5}")) {
            int port = Integer.parseInt(text);
            if (port <= 65535) {
                return port;
            }
        }
        throw invalid(value, "must be a port number from 0 to 65535 (0 picks a free one)");
    }

    private int eventLoops(Value value) {
        String text = value.text().trim();
        if (text.matches("[0-9]{1,3}")) {
            int loops = Integer.parseInt(text);
            if (loops >= 1 && loops <= ListenerSettings.MAX_EVENT_LOOPS) {
                return loops;
            }
        }
        throw invalid(value, "must be a number of event loops from 1 to " + ListenerSettings.MAX_EVENT_LOOPS);
    }

    private String word(Value value) {
        String text = value.text();
        if (text.isEmpty()) {
            throw new InvalidSettingsException(value.source() + " is empty");
        }
        if (!text.chars().allMatch(c -> c > ' ' && c != 0x7f)) {
            throw new InvalidSettingsException(value.source() + " must not contain spaces or control characters");
        }
        return text;
    }

    private String email(Value value) {
        String text = value.text().trim();
        if (!EMAIL.matcher(text).matches()) {
            throw invalid(value, "must be the email of a Google service account");
        }
        return text;
    }

    private Path path(Value value) {
        if (value.text().isBlank()) {
            throw new InvalidSettingsException(value.source() + " is empty");
        }
        try {
            return Path.of(value.text());
        } catch (InvalidPathException e) {
            throw invalid(value, "is not a usable path");
        }
    }

    private Duration duration(Value value) {
        Matcher matcher = DURATION.matcher(value.text().trim());
        if (!matcher.matches()) {
            throw invalid(value, "must be a duration like 10s, 500ms or 1m");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    private List<String> members(Value value) {
        List<String> members = new ArrayList<>();
        for (String part : value.text().split(",")) {
            String member = part.trim();
            if (member.isEmpty()) {
                continue;
            }
            Matcher matcher = MEMBER.matcher(member);
            if (!matcher.matches() || Integer.parseInt(matcher.group(1)) > 65535) {
                throw new InvalidSettingsException(value.source()
                        + " must be a comma-separated list of host:port, not \"" + member + "\"");
            }
            members.add(member);
        }
        return members;
    }

    private List<CidrBlock> cidrs(Value value) {
        List<CidrBlock> blocks = new ArrayList<>();
        for (String part : value.text().split(",")) {
            String text = part.trim();
            if (text.isEmpty()) {
                continue;
            }
            CidrBlock block = CidrBlock.parse(text);
            if (block == null) {
                throw new InvalidSettingsException(value.source() + " must be a comma-separated list of IP addresses"
                        + " or CIDR ranges (like 10.0.0.0/8 or 2001:db8::/32), not \"" + text + "\""
                        + (text.equals(value.text().trim()) ? "" : " in \"" + value.text() + "\""));
            }
            blocks.add(block);
        }
        if (blocks.isEmpty()) {
            throw new InvalidSettingsException(value.source() + " names no IP address or CIDR range");
        }
        return blocks;
    }

    private static InvalidSettingsException invalid(Value value, String problem) {
        return new InvalidSettingsException(value.source() + " " + problem + ", not \"" + value.text() + "\"");
    }
}
