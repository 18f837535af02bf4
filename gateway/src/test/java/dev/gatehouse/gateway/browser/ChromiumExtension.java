package dev.gatehouse.gateway.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One headless Chromium per test class (register as a static field with {@code @RegisterExtension}, before anything
 * that starts servers, so a machine without Chromium skips the class at once) and a fresh browser context, with no
 * cookies, per test, that reaches loopback addresses only. When a test fails, the page's screenshot, URL and HTML are saved to
 * {@code target/browser-failures/} for debugging.
 */
public final class ChromiumExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback,
        AfterAllCallback {
    /**
     * How long any wait (navigation, selector) may take: generous, for a loaded 2-core machine where one step was
     * seen to take several seconds; it only matters when a test fails.
     */
    private static final double TIMEOUT_MILLIS = 60_000;

    private HeadlessChromium chromium;
    private BrowserContext context;
    private Page page;

    @Override
    public void beforeAll(ExtensionContext extension) {
        chromium = HeadlessChromium.launch();
    }

    @Override
    public void beforeEach(ExtensionContext extension) {
        context = chromium.browser().newContext();
        context.setDefaultTimeout(TIMEOUT_MILLIS);
        context.setDefaultNavigationTimeout(TIMEOUT_MILLIS);
        // Pages of the identity provider link to web fonts; nothing may leave the machine, and waiting for a
        // closed network would only slow the page's load event.
        context.route(url -> !LoopbackUrls.isLoopback(url), Route::abort);
        // Chromium asks every origin for its icon; upstreams should see only what the test navigates to.
        context.route("**/favicon.ico", route -> route.fulfill(new Route.FulfillOptions().setStatus(404)));
        page = context.newPage();
    }

    @Override
    public void afterTestExecution(ExtensionContext extension) {
        if (extension.getExecutionException().isPresent() && page != null && !page.isClosed()) {
            saveFailure(extension.getRequiredTestClass().getSimpleName() + "." + extension.getRequiredTestMethod()
                    .getName());
        }
    }

    @Override
    public void afterEach(ExtensionContext extension) {
        if (context != null) {
            context.close();
            context = null;
            page = null;
        }
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    /** The current test's page. */
    public Page page() {
        return page;
    }

    /** The current test's browser context (its cookie jar). */
    public BrowserContext context() {
        return context;
    }

    private void saveFailure(String name) {
        Path directory = Path.of(System.getProperty("basedir", "."), "target", "browser-failures");
        try {
            Files.createDirectories(directory);
            page.screenshot(new Page.ScreenshotOptions().setPath(directory.resolve(name + ".png")).setFullPage(true));
            Files.writeString(directory.resolve(name + ".html"), "<!-- " + page.url() + " -->\n" + page.content(),
                    StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            // The browser may be what failed; the test's own failure is what gets reported.
            System.err.println("could not save the failed page to " + directory + ": " + e);
        }
    }
}
