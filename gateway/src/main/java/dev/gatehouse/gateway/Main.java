package dev.gatehouse.gateway;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The process: parse settings, start, print the ready line, wait for SIGTERM/SIGINT, stop. */
public final class Main {
    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_BAD_SETTINGS = 2;

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
        System.exit(run(args, System.out, System.err));
    }

    private static int run(String[] args, PrintStream out, PrintStream err) {
        Settings.Invocation invocation;
        try {
            invocation = Settings.parse(Arrays.asList(args), System.getenv());
        } catch (InvalidSettingsException e) {
            err.println("gatehouse: " + e.getMessage());
            return EXIT_BAD_SETTINGS;
        }
        if (invocation instanceof Settings.Invocation.ShowHelp) {
            out.print(Usage.text());
            return EXIT_OK;
        }
        if (invocation instanceof Settings.Invocation.Demo) {
            err.println("gatehouse: demo mode is not implemented yet");
            return EXIT_BAD_SETTINGS;
        }
        return serve(((Settings.Invocation.Serve) invocation).settings(), out, err);
    }

    private static int serve(Settings settings, PrintStream out, PrintStream err) {
        Logger log = LoggerFactory.getLogger(Main.class);
        if (settings.cluster().enabled()) {
            log.warn("clustering not yet implemented: ignoring cluster members {}", settings.cluster().members());
        }
        log.info("starting with {}", settings);
        Signals signals = Signals.install();
        Gatehouse gatehouse;
        try {
            gatehouse = Gatehouse.start(settings, line -> {
                out.println(line);
                out.flush();
            }, Clock.systemUTC());
        } catch (InvalidSettingsException e) {
            err.println("gatehouse: " + e.getMessage());
            return EXIT_BAD_SETTINGS;
        } catch (StartupException e) {
            log.debug("start-up failure", e);
            err.println("gatehouse: failed to start: " + e.getMessage());
            return EXIT_FAILED;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(gatehouse::stop, "gatehouse-shutdown"));
        if (!signals.stopRequested()) {
            out.println(gatehouse.readyLine());
            out.flush();
        }
        try {
            signals.awaitStopRequest();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return gatehouse.stop() ? EXIT_OK : EXIT_FAILED;
    }
}
