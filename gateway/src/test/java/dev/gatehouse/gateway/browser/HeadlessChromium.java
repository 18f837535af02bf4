package dev.gatehouse.gateway.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.opentest4j.TestAbortedException;

/**
 * The machine's own Chromium, headless, driven by Playwright. Playwright never downloads a browser here: its driver
 * (the Node.js program bundled in the driver jar) runs with {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1} and launches
 * the executable named by {@code GATEHOUSE_CHROMIUM} (default {@value #DEFAULT_EXECUTABLE}).
 *
 * <p>Without that executable the browser tests are skipped, unless {@code GATEHOUSE_REQUIRE_BROWSER=1} (as in CI),
 * when they fail.
 */
public final class HeadlessChromium implements AutoCloseable {
    static final String DEFAULT_EXECUTABLE = "/usr/bin/chromium";
    private static final String DRIVER_DIRECTORY = "playwright.driver.tmpdir";

    /**
     * The flags that keep Chromium quiet on a machine without a network beyond loopback: no sandbox (tests may run as
     * root), no GPU, no QUIC, no first-run, background, component-update or sync traffic; every {@code *.localhost}
     * tenant hostname goes to 127.0.0.1, where the gateway listens. Playwright gives every launch a fresh, empty
     * user-data directory.
     */
    static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--host-resolver-rules=MAP *.localhost 127.0.0.1");

    /** The skip is said once per test run on the console, where it is seen; each skipped test carries it too. */
    private static final AtomicBoolean toldSkipped = new AtomicBoolean();

    private final Playwright playwright;
    private final Browser browser;

    private HeadlessChromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Launches Chromium, or aborts the calling test (skips it) when there is none and none is required. */
    public static HeadlessChromium launch() {
        try {
            return launch(System.getenv());
        } catch (TestAbortedException skipped) {
            if (!toldSkipped.getAndSet(true)) {
                System.err.println("[WARNING] " + skipped.getMessage());
            }
            throw skipped;
        }
    }

    static HeadlessChromium launch(Map<String, String> environment) {
        Path executable = executable(environment).orElseThrow(() -> missing(environment));
        unpackDriverUnderTarget();
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            // Playwright's default of 30 s to start the browser was not always enough on a loaded 2-core machine.
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable).setHeadless(true).setArgs(FLAGS).setTimeout(120_000));
            return new HeadlessChromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /**
     * Playwright unpacks its driver (about 130 MB) to a fresh temporary directory per launch and deletes it at JVM
     * exit; a test JVM killed before then would leave it behind in /tmp. Under target/, {@code mvn clean} takes it.
     */
    private static void unpackDriverUnderTarget() {
        if (System.getProperty(DRIVER_DIRECTORY) != null) {
            return;
        }
        Path directory = Path.of(System.getProperty("basedir", "."), "target", "playwright-driver").toAbsolutePath();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
        System.setProperty(DRIVER_DIRECTORY, directory.toString());
    }

    /** The configured Chromium executable, when it exists and is executable. */
    static Optional<Path> executable(Map<String, String> environment) {
        Path path = configuredPath(environment);
        return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }

    private static Path configuredPath(Map<String, String> environment) {
        String configured = environment.get("GATEHOUSE_CHROMIUM");
        return Path.of(configured == null || configured.isBlank() ? DEFAULT_EXECUTABLE : configured);
    }

    private static RuntimeException missing(Map<String, String> environment) {
        String problem = "no Chromium at " + configuredPath(environment)
                + " (install it with `apt-get install -y chromium` or point GATEHOUSE_CHROMIUM at one)";
        if ("1".equals(environment.get("GATEHOUSE_REQUIRE_BROWSER"))) {
            return new IllegalStateException("GATEHOUSE_REQUIRE_BROWSER=1 but " + problem);
        }
        return new TestAbortedException("browser tests skipped: " + problem);
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
