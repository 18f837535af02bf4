package dev.gatehouse.gateway;

import dev.gatehouse.gateway.demo.Demo;
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
        int status;
        try {
            status = run(args, System.out, System.err);
        } catch (Throwable unexpected) {
            // Whatever went wrong, the process must end: Vert.x and database threads would keep it alive.
            System.err.println("gatehouse: stopped by an unexpected error: " + StartupException.describe(unexpected));
            unexpected.printStackTrace();
            status = EXIT_FAILED;
        }
        System.exit(status);
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
        if (invocation instanceof Settings.Invocation.Demo demo) {
            return serve(demo.settings(), true, out, err);
        }
        return serve(((Settings.Invocation.Serve) invocation).settings(), false, out, err);
    }

    private static int serve(Settings settings, boolean demoMode, PrintStream out, PrintStream err) {
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
        Demo demo = null;
        if (demoMode) {
            try {
                demo = Demo.start(gatehouse.adminUrl().orElseThrow(), gatehouse.operatorToken().orElseThrow(),
                        gatehouse.gatewayPort().orElseThrow());
            } catch (Exception | LinkageError e) {
                log.debug("demo start-up failure", e);
                err.println("gatehouse: failed to start the demo: " + StartupException.describe(e));
                gatehouse.stop();
                return EXIT_FAILED;
            }
        }
        if (!signals.stopRequested()) {
            if (demo != null) {
                out.println(demo.announcement());
            }
            out.println(gatehouse.readyLine());
            out.flush();
        }
        try {
            signals.awaitStopRequest();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean clean = gatehouse.stop();
        if (demo != null) {
            demo.close();
        }
        return clean ? EXIT_OK : EXIT_FAILED;
    }
}
