package org.sanctuary.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sanctuary.devstack.DevStack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web console in a real browser: Playwright (console/tests/e2e) drives Debian's Chromium through
 * Keycloak's own login page and the gateway of the running stack. Screenshots of each screen are kept
 * in console/target/playwright/screens, the report in console/target/playwright.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @BeforeAll
    void platform() throws Exception {
        SharedStack.ensureRunning();
    }

    @Test
    void theCaseworkersAndSupervisorsDayInEveryLanguage() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing: apt-get install -y chromium (.ci/run does)");
        Path console = org.sanctuary.devstack.ServiceProcess.root().resolve("console");
        Path log = console.resolve("target/playwright/run.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder playwright = new ProcessBuilder("npx", "playwright", "test")
                .directory(console.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        playwright.environment().put("CONSOLE_URL", DevStack.GATEWAY);
        playwright.environment().put("CHROMIUM", CHROMIUM.toString());
        Process process = playwright.start();
        boolean finished = process.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println(output);
        assertTrue(finished, "Playwright did not finish in 15 minutes");
        assertEquals(0, process.exitValue(), "Playwright failed:\n" + output);
    }
}
