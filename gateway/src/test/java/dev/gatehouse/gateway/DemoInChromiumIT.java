package dev.gatehouse.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import dev.gatehouse.gateway.browser.ChromiumExtension;
import dev.gatehouse.gateway.browser.IdpLoginForm;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `gatehouse.jar --demo` clicked through in headless Chromium, as a newcomer would after reading the README. */
class DemoInChromiumIT {
    private static final Pattern ANNOUNCED_URL =
            Pattern.compile("gatehouse demo: open (http://hello\\.demo\\.localhost:[0-9]+/) and sign in with any name.*");

    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @TempDir
    Path temp;

    @BeforeEach
    void needsThePackagedJar() {
        assumeTrue(System.getProperty("gatehouse.jar") != null, "process tests run under failsafe, after packaging");
    }

    @Test
    void aNewcomerSignsInWithAnyNameMeetsThePolicyAndSignsOut() throws Exception {
        try (GatehouseProcess demo = GatehouseProcess.start(Map.of(), temp, "--demo", "--http-port", "0",
                "--admin-port", "0", "--data-dir", temp.resolve("data").toString())) {
            demo.awaitReady(Duration.ofSeconds(180));
            String hello = demo.stdout().stream().map(ANNOUNCED_URL::matcher).filter(Matcher::matches)
                    .map(announced -> announced.group(1)).findFirst().orElse(null);
            assertThat(hello).as(demo.output()).isNotNull();
            DemoIdpDiscovery.await(hello);
            Page page = chromium.page();
            IdpLoginForm form = new IdpLoginForm(page);

            page.navigate(hello);
            form.userName().waitFor();
            assertThat(page.url()).as("the demo's own IdP").startsWith("http://127.0.0.1:");
            form.signIn("alice", null);
            page.waitForURL(hello);

            assertThat(page.locator("h1").innerText()).isEqualTo("Hello from the upstream");
            JsonObject identity = new JsonObject(page.locator("pre").innerText());
            assertThat(identity.getString("sub")).isEqualTo("alice");
            assertThat(identity.getString("aud")).isEqualTo("hello.demo.localhost");

            Response denied = page.navigate(hello + "admin");
            assertThat(denied.status()).isEqualTo(403);
            assertThat(page.locator("main").innerText()).contains("Access denied").contains("user-unauthorized")
                    .contains("Request id: " + denied.headerValue("x-request-id"));

            page.navigate(hello);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("sign out")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in again")).click();
            form.userName().waitFor();
            form.signIn("admin", null);
            page.waitForURL(hello);
            Response admin = page.navigate(hello + "admin");
            assertThat(admin.status()).isEqualTo(200);
            assertThat(new JsonObject(page.locator("pre").innerText()).getString("sub")).isEqualTo("admin");

            assertThat(demo.terminate(Duration.ofSeconds(60))).as(demo.output()).isZero();
        }
    }
}
