package dev.gatehouse.gateway.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** Finding Chromium, and what happens without one: the parts that need no browser. */
class HeadlessChromiumTest {
    @TempDir
    Path temp;

    @Test
    void gatehouseChromiumNamesTheExecutable() throws Exception {
        Path chromium = Files.createFile(temp.resolve("chromium"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path notExecutable = Files.createFile(temp.resolve("chromium.txt"));

        assertThat(HeadlessChromium.executable(Map.of("GATEHOUSE_CHROMIUM", chromium.toString()))).contains(chromium);
        assertThat(HeadlessChromium.executable(Map.of("GATEHOUSE_CHROMIUM", notExecutable.toString()))).isEmpty();
        assertThat(HeadlessChromium.executable(Map.of("GATEHOUSE_CHROMIUM", temp.resolve("none").toString())))
                .isEmpty();
    }

    @Test
    void withoutChromiumTheTestsAreSkippedWithTheReason() {
        String missing = temp.resolve("no-chromium-here").toString();

        assertThatThrownBy(() -> HeadlessChromium.launch(Map.of("GATEHOUSE_CHROMIUM", missing)))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("browser tests skipped: no Chromium at " + missing)
                .hasMessageContaining("apt-get install -y chromium");
    }

    @Test
    void withoutChromiumTheTestsFailWhenABrowserIsRequired() {
        String missing = temp.resolve("no-chromium-here").toString();

        assertThatThrownBy(() -> HeadlessChromium.launch(Map.of("GATEHOUSE_CHROMIUM", missing,
                "GATEHOUSE_REQUIRE_BROWSER", "1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("GATEHOUSE_REQUIRE_BROWSER=1 but no Chromium at " + missing);
    }

    @Test
    void pagesReachOnlyThisMachine() {
        assertThat(LoopbackUrls.isLoopback("http://127.0.0.1:8080/demo/authorize?x=1")).isTrue();
        assertThat(LoopbackUrls.isLoopback("http://app.acme.localhost:41234/hello")).isTrue();
        assertThat(LoopbackUrls.isLoopback("http://localhost/")).isTrue();
        assertThat(LoopbackUrls.isLoopback("http://[::1]:9/")).isTrue();
        assertThat(LoopbackUrls.isLoopback("https://fonts.googleapis.com/css?family=Raleway:400,300,600")).isFalse();
        assertThat(LoopbackUrls.isLoopback("http://localhost.example.com/")).isFalse();
        assertThat(LoopbackUrls.isLoopback("http://10.0.0.1/")).isFalse();
        assertThat(LoopbackUrls.isLoopback("not a url at all")).isFalse();
    }
}
