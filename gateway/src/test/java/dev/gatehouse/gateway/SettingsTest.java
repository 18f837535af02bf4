package dev.gatehouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.net.CidrBlock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    private static Settings serve(List<String> args, Map<String, String> env) {
        Settings.Invocation invocation = Settings.parse(args, env);
        assertThat(invocation).isInstanceOf(Settings.Invocation.Serve.class);
        return ((Settings.Invocation.Serve) invocation).settings();
    }

    @Test
    void defaultsWhenNothingIsConfigured() {
        Settings settings = serve(List.of(), Map.of());

        assertThat(settings.listeners().httpPort()).isEqualTo(8080);
        assertThat(settings.listeners().adminPort()).isEqualTo(9090);
        assertThat(settings.listeners().bind()).isEqualTo("0.0.0.0");
        assertThat(settings.operator().role()).isEqualTo(Role.ALL);
        assertThat(settings.storage().dataDir()).isEqualTo(Path.of(".gatehouse"));
        assertThat(settings.storage().databaseUrl()).isEmpty();
        assertThat(settings.storage().masterKey()).isEmpty();
        assertThat(settings.operator().operatorToken()).isEmpty();
        assertThat(settings.lifecycle().shutdownGrace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.cluster().enabled()).isFalse();
        assertThat(settings.cluster().name()).isEqualTo("gatehouse");
        assertThat(settings.cluster().port()).isEqualTo(5701);
        assertThat(settings.google()).isEqualTo(GoogleSettings.DEFAULTS);
        assertThat(settings.network().trustedProxies()).isEmpty();
    }

    @Test
    void environmentSetsEverySetting() {
        Settings settings = serve(List.of(), Map.ofEntries(
                Map.entry("GATEHOUSE_HTTP_PORT", "8081"),
                Map.entry("GATEHOUSE_ADMIN_PORT", "0"),
                Map.entry("GATEHOUSE_BIND", "127.0.0.1"),
                Map.entry("GATEHOUSE_ROLE", "admin"),
                Map.entry("GATEHOUSE_DATA_DIR", "/var/lib/gatehouse"),
                Map.entry("GATEHOUSE_DATABASE_URL", "postgresql://u:p@db:5432/gh"),
                Map.entry("GATEHOUSE_MASTER_KEY", "file:/run/secrets/key"),
                Map.entry("GATEHOUSE_OPERATOR_TOKEN", "op-token-123"),
                Map.entry("GATEHOUSE_SHUTDOWN_GRACE", "500ms"),
                Map.entry("GATEHOUSE_CLUSTER_MEMBERS", "10.0.0.1:5701, 10.0.0.2:5701"),
                Map.entry("GATEHOUSE_CLUSTER_NAME", "prod"),
                Map.entry("GATEHOUSE_CLUSTER_PORT", "5801"),
                Map.entry("GATEHOUSE_GOOGLE_CREDENTIALS", "/run/secrets/gatehouse-sa.json"),
                Map.entry("GATEHOUSE_GOOGLE_SERVICE_ACCOUNT", "gatehouse@ops.iam.gserviceaccount.com"),
                Map.entry("GATEHOUSE_TRUSTED_PROXIES", "10.0.0.0/8, 2001:db8::/32")));

        assertThat(settings.listeners().httpPort()).isEqualTo(8081);
        assertThat(settings.listeners().adminPort()).isZero();
        assertThat(settings.listeners().bind()).isEqualTo("127.0.0.1");
        assertThat(settings.operator().role()).isEqualTo(Role.ADMIN);
        assertThat(settings.storage().dataDir()).isEqualTo(Path.of("/var/lib/gatehouse"));
        assertThat(settings.storage().databaseUrl()).contains("postgresql://u:p@db:5432/gh");
        assertThat(settings.storage().masterKey()).contains("file:/run/secrets/key");
        assertThat(settings.operator().operatorToken()).contains("op-token-123");
        assertThat(settings.lifecycle().shutdownGrace()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.cluster().members()).containsExactly("10.0.0.1:5701", "10.0.0.2:5701");
        assertThat(settings.cluster().enabled()).isTrue();
        assertThat(settings.cluster().name()).isEqualTo("prod");
        assertThat(settings.cluster().port()).isEqualTo(5801);
        assertThat(settings.google().credentials()).contains(Path.of("/run/secrets/gatehouse-sa.json"));
        assertThat(settings.google().serviceAccount()).contains("gatehouse@ops.iam.gserviceaccount.com");
        assertThat(settings.network().trustedProxies()).containsExactly(CidrBlock.parse("10.0.0.0/8"),
                CidrBlock.parse("2001:db8::/32"));
    }

    @Test
    void flagsWinOverEnvironment() {
        Settings settings = serve(
                List.of("--http-port", "7000", "--admin-port=7001", "--role", "gateway", "--data-dir", "d"),
                Map.of("GATEHOUSE_HTTP_PORT", "8081", "GATEHOUSE_ADMIN_PORT", "9091", "GATEHOUSE_ROLE", "admin",
                        "GATEHOUSE_DATA_DIR", "/elsewhere", "GATEHOUSE_BIND", "127.0.0.1"));

        assertThat(settings.listeners().httpPort()).isEqualTo(7000);
        assertThat(settings.listeners().adminPort()).isEqualTo(7001);
        assertThat(settings.operator().role()).isEqualTo(Role.GATEWAY);
        assertThat(settings.storage().dataDir()).isEqualTo(Path.of("d"));
        assertThat(settings.listeners().bind()).isEqualTo("127.0.0.1");
    }

    @Test
    void blankEnvironmentVariablesCountAsUnset() {
        Settings settings = serve(List.of(), Map.of("GATEHOUSE_HTTP_PORT", " ", "GATEHOUSE_OPERATOR_TOKEN", ""));

        assertThat(settings.listeners().httpPort()).isEqualTo(8080);
        assertThat(settings.operator().operatorToken()).isEmpty();
    }

    @Test
    void badPortNamesTheVariableAndTheValue() {
        assertThatThrownBy(() -> Settings.parse(List.of(), Map.of("GATEHOUSE_HTTP_PORT", "80a")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("GATEHOUSE_HTTP_PORT must be a port number from 0 to 65535 (0 picks a free one),"
                        + " not \"80a\"");
        assertThatThrownBy(() -> Settings.parse(List.of("--admin-port", "65536"), Map.of()))
                .hasMessageStartingWith("--admin-port must be a port number");
        assertThatThrownBy(() -> Settings.parse(List.of("--admin-port", "-1"), Map.of()))
                .hasMessageStartingWith("--admin-port must be a port number");
    }

    @Test
    void eventLoopsDefaultToTheProcessorsAndCanBeSet() {
        assertThat(serve(List.of(), Map.of()).listeners().eventLoops())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(serve(List.of(), Map.of("GATEHOUSE_EVENT_LOOPS", "4")).listeners().eventLoops()).isEqualTo(4);
        assertThat(serve(List.of("--event-loops=1"), Map.of("GATEHOUSE_EVENT_LOOPS", "4")).listeners().eventLoops())
                .isEqualTo(1);

        assertThatThrownBy(() -> Settings.parse(List.of("--event-loops", "0"), Map.of()))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("--event-loops must be a number of event loops from 1 to 256, not \"0\"");
        assertThatThrownBy(() -> Settings.parse(List.of(), Map.of("GATEHOUSE_EVENT_LOOPS", "many")))
                .hasMessageStartingWith("GATEHOUSE_EVENT_LOOPS must be a number of event loops");
        assertThatThrownBy(() -> Settings.parse(List.of("--event-loops", "257"), Map.of()))
                .hasMessageStartingWith("--event-loops must be a number of event loops");
    }

    @Test
    void samePortForBothServersIsRefusedOnlyWhenBothRun() {
        assertThatThrownBy(() -> Settings.parse(List.of("--http-port", "9000", "--admin-port", "9000"), Map.of()))
                .hasMessageContaining("must differ");

        assertThat(serve(List.of("--http-port", "0", "--admin-port", "0"), Map.of()).listeners().adminPort()).isZero();
        assertThat(serve(List.of("--http-port", "9000", "--admin-port", "9000", "--role", "gateway"), Map.of())
                .listeners().httpPort()).isEqualTo(9000);
    }

    @Test
    void otherBadSettingsAreOneClearLine() {
        assertThatThrownBy(() -> Settings.parse(List.of("--role", "proxy"), Map.of()))
                .hasMessage("role must be gateway, admin or all, not \"proxy\"");
        assertThatThrownBy(() -> Settings.parse(List.of("--colour"), Map.of()))
                .hasMessage("unknown flag --colour (see --help)");
        assertThatThrownBy(() -> Settings.parse(List.of("serve"), Map.of()))
                .hasMessage("unexpected argument \"serve\" (see --help)");
        assertThatThrownBy(() -> Settings.parse(List.of("--http-port"), Map.of()))
                .hasMessage("--http-port needs a value: --http-port PORT");
        assertThatThrownBy(() -> Settings.parse(List.of("--bind="), Map.of()))
                .hasMessage("--bind is empty");
        assertThatThrownBy(() -> Settings.parse(List.of("--http-port", "1", "--http-port", "2"), Map.of()))
                .hasMessage("--http-port is given more than once");
        assertThatThrownBy(() -> Settings.parse(List.of(), Map.of("GATEHOUSE_SHUTDOWN_GRACE", "soon")))
                .hasMessage("GATEHOUSE_SHUTDOWN_GRACE must be a duration like 10s, 500ms or 1m, not \"soon\"");
        assertThatThrownBy(() -> Settings.parse(List.of(), Map.of("GATEHOUSE_CLUSTER_MEMBERS", "a:1,b")))
                .hasMessage("GATEHOUSE_CLUSTER_MEMBERS must be a comma-separated list of host:port, not \"b\"");
    }

    @Test
    void googleFlagsWinOverTheirVariablesAndABadEmailIsRefused() {
        GoogleSettings google = serve(List.of("--google-credentials", "key.json",
                "--google-service-account=gw@p.iam.gserviceaccount.com"), Map.of(
                "GATEHOUSE_GOOGLE_CREDENTIALS", "/elsewhere.json",
                "GATEHOUSE_GOOGLE_SERVICE_ACCOUNT", "other@p.iam.gserviceaccount.com")).google();

        assertThat(google).isEqualTo(new GoogleSettings(Optional.of(Path.of("key.json")),
                Optional.of("gw@p.iam.gserviceaccount.com")));
        assertThatThrownBy(() -> Settings.parse(List.of("--google-service-account", "gatehouse"), Map.of()))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("--google-service-account must be the email of a Google service account,"
                        + " not \"gatehouse\"");
        assertThatThrownBy(() -> Settings.parse(List.of("--google-credentials="), Map.of()))
                .hasMessage("--google-credentials is empty");
    }

    @Test
    void theConfiguredKeyFileWinsOverGoogleApplicationCredentialsAndMustBeReadable(@TempDir Path dir)
            throws Exception {
        Path key = Files.writeString(dir.resolve("sa.json"), "{}");
        Map<String, String> environment = Map.of("GOOGLE_APPLICATION_CREDENTIALS", "/from/adc.json");

        GoogleSettings configured = new GoogleSettings(Optional.of(key), Optional.empty());
        GoogleSettings missing = new GoogleSettings(Optional.of(dir.resolve("absent.json")), Optional.empty());

        assertThat(configured.credentialsOptions(environment).keyFile()).contains(key);
        assertThat(GoogleSettings.DEFAULTS.credentialsOptions(environment).keyFile())
                .contains(Path.of("/from/adc.json"));
        assertThat(GoogleSettings.DEFAULTS.credentialsOptions(Map.of()).keyFile()).as("the metadata server").isEmpty();
        assertThatThrownBy(() -> missing.credentialsOptions(environment))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("the Google credentials file " + dir.resolve("absent.json")
                        + " (--google-credentials, GATEHOUSE_GOOGLE_CREDENTIALS) is not a readable file");
        assertThatThrownBy(() -> new GoogleSettings(Optional.of(dir), Optional.empty()).credentialsOptions(Map.of()))
                .hasMessageContaining("is not a readable file");
    }

    @Test
    void secretsWithSpacesAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> Settings.parse(List.of(), Map.of("GATEHOUSE_OPERATOR_TOKEN", "top secret")))
                .hasMessage("GATEHOUSE_OPERATOR_TOKEN must not contain spaces or control characters")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret\""));
    }

    @Test
    void helpWinsEvenOverBadSettings() {
        assertThat(Settings.parse(List.of("--http-port", "x", "--help"), Map.of()))
                .isInstanceOf(Settings.Invocation.ShowHelp.class);
        assertThat(Usage.text()).contains("--data-dir DIR", "GATEHOUSE_DATA_DIR",
                "./.gatehouse, relative to the working directory", "--http-port PORT", "GATEHOUSE_CLUSTER_MEMBERS",
                "--google-credentials FILE", "GATEHOUSE_GOOGLE_CREDENTIALS", "GOOGLE_APPLICATION_CREDENTIALS",
                "--google-service-account EMAIL", "GATEHOUSE_GOOGLE_SERVICE_ACCOUNT",
                "--trusted-proxies CIDR,...", "GATEHOUSE_TRUSTED_PROXIES");
    }

    @Test
    void demoIsRecognisedWithItsSettings() {
        Settings.Invocation invocation = Settings.parse(List.of("--demo", "--http-port", "0"), Map.of());

        assertThat(invocation).isInstanceOfSatisfying(Settings.Invocation.Demo.class, demo -> {
            assertThat(demo.settings().listeners().httpPort()).isZero();
            assertThat(demo.settings().listeners().bind()).as("anyone can sign in to the demo: loopback only")
                    .isEqualTo("127.0.0.1");
            assertThat(demo.settings().storage().dataDir()).isEqualTo(Path.of(".gatehouse-demo"));
        });
        Settings.Invocation chosen = Settings.parse(List.of("--demo", "--bind", "0.0.0.0", "--data-dir", "/tmp/d"),
                Map.of());
        assertThat(((Settings.Invocation.Demo) chosen).settings().listeners().bind()).isEqualTo("0.0.0.0");
        assertThat(((Settings.Invocation.Demo) chosen).settings().storage().dataDir()).isEqualTo(Path.of("/tmp/d"));
        assertThatThrownBy(() -> Settings.parse(List.of("--demo", "--role", "gateway"), Map.of()))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("leave out --role");
    }

    @Test
    void trustedProxiesAreAddressesOrRangesAndTheFlagWins() {
        Settings settings = serve(List.of("--trusted-proxies", "127.0.0.1,::1, 130.211.0.0/22,"),
                Map.of("GATEHOUSE_TRUSTED_PROXIES", "10.0.0.0/8"));

        assertThat(settings.network().trustedProxies()).extracting(CidrBlock::toString)
                .containsExactly("127.0.0.1/32", "0:0:0:0:0:0:0:1/128", "130.211.0.0/22");
        assertThat(settings.toString()).contains("trustedProxies=[127.0.0.1/32, 0:0:0:0:0:0:0:1/128, 130.211.0.0/22]");
    }

    @Test
    void aBadTrustedProxyStopsStartupNamingTheValue() {
        assertThatThrownBy(() -> Settings.parse(List.of(), Map.of("GATEHOUSE_TRUSTED_PROXIES", "10.0.0.0/8,lb.internal")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("GATEHOUSE_TRUSTED_PROXIES must be a comma-separated list of IP addresses or CIDR ranges"
                        + " (like 10.0.0.0/8 or 2001:db8::/32), not \"lb.internal\" in \"10.0.0.0/8,lb.internal\"");
        assertThatThrownBy(() -> Settings.parse(List.of("--trusted-proxies", "10.0.0.0/33"), Map.of()))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("--trusted-proxies must be a comma-separated list of IP addresses or CIDR ranges"
                        + " (like 10.0.0.0/8 or 2001:db8::/32), not \"10.0.0.0/33\"");
        assertThatThrownBy(() -> Settings.parse(List.of("--trusted-proxies=*"), Map.of()))
                .hasMessageEndingWith("not \"*\"");
        assertThatThrownBy(() -> Settings.parse(List.of("--trusted-proxies", " , "), Map.of()))
                .hasMessage("--trusted-proxies names no IP address or CIDR range");
    }

    @Test
    void durationsAcceptUnitsAndBareSeconds() {
        assertThat(serve(List.of("--shutdown-grace", "2m"), Map.of()).lifecycle().shutdownGrace())
                .isEqualTo(Duration.ofMinutes(2));
        assertThat(serve(List.of("--shutdown-grace", "3"), Map.of()).lifecycle().shutdownGrace())
                .isEqualTo(Duration.ofSeconds(3));
        assertThat(serve(List.of("--shutdown-grace", "0s"), Map.of()).lifecycle().shutdownGrace()).isZero();
    }

    @Test
    void toStringNeverShowsSecrets() {
        Settings settings = serve(List.of("--operator-token", "tok-abc", "--master-key", "a2V5",
                "--database-url", "postgresql://u:hunter2@db/gh"), Map.of());

        assertThat(settings.toString()).doesNotContain("tok-abc", "a2V5", "hunter2");
        assertThat(settings.operator().operatorToken()).isEqualTo(Optional.of("tok-abc"));
    }
}
