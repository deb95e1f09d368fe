package com.leadlex.importer.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium, driven through its chromedriver (nothing is downloaded), on a 1,280-px
 * wide screen, for the browser tests: a JUnit extension, registered as a static field, so one per test
 * class, not per test (each test opens its page first, and a start costs a second or so). After each
 * test it leaves the page, so that its refreshes stop. Skips the test class where Chromium is missing,
 * unless CI is set, where a missing browser is a failure.
 */
final class HeadlessChromium implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private WebDriver browser;
    private Path profile;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        Assumptions.assumeTrue(installed || "true".equals(System.getenv("CI")),
                "Debian's chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver)");
        profile = Files.createTempDirectory("dashboard-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    WebDriver browser() {
        return browser;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (browser != null) {
            browser.get("about:blank");
        }
    }

    /** The element's text, or "" while it is missing or being replaced by the page's refresh. */
    String text(By by) {
        try {
            List<WebElement> found = browser.findElements(by);
            return found.isEmpty() ? "" : found.get(0).getText();
        } catch (StaleElementReferenceException e) {
            return "";
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
