package com.leadlex.importer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Value;

import com.leadlex.importer.importjob.SlowSandboxIntegrationTest;

/**
 * One import's page in a real headless Chromium ({@link HeadlessChromium}): its results link only once
 * the file exists, and who uploaded and forced the list. The dashboard's tests, the pause on this page
 * among them, are {@link DashboardBrowserEndToEndTest}; apart, the two classes run side by side.
 */
class ImportPageBrowserEndToEndTest extends SlowSandboxIntegrationTest {

    private static final String CAMPAIGN = "cmp_import_page";

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @Value("${local.server.port}")
    int port;

    private WebDriver browser;

    @BeforeEach
    void createCampaign() {
        browser = chromium.browser();
        sandbox.createCampaign(CAMPAIGN);
    }

    @Test
    void theResultsLinkIsOfferedOnlyOnceTheResultsFileExists() {
        long id = startInBackground(csvList("results-later.csv", newIds(2_000)), CAMPAIGN);
        browser.get(base() + "/import.html?id=" + id);

        await().atMost(Duration.ofSeconds(30)).until(() -> text(By.id("status")).equals("running"));
        assertThat(browser.findElements(By.id("results-link"))).as("no file yet, so no link").isEmpty();
        assertThat(text(By.id("results-pending"))).contains("results.csv once this run stops, pauses or ends");

        await().atMost(Duration.ofSeconds(60)).until(() -> text(By.id("status")).equals("completed"));
        await().atMost(Duration.ofSeconds(10)).ignoreException(StaleElementReferenceException.class)
                .until(() -> !browser.findElements(By.id("results-link")).isEmpty());
        String href = browser.findElement(By.id("results-link")).getDomAttribute("href");
        assertThat(ApiClient.anonymous(port).get("/" + href).statusCode()).isEqualTo(200);
        assertThat(browser.findElements(By.id("results-pending"))).isEmpty();
    }

    @Test
    void theImportPageShowsWhoUploadedAndForcedIt() throws Exception {
        HttpResponse<String> upload = ApiClient.anonymous(port).upload("/api/imports",
                csvList("audited-in-browser.csv", newIds(3)), Map.of("campaign", CAMPAIGN, "force", "true"));
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
        long id = Long.parseLong(upload.body().replaceAll(".*\"importId\":(\\d+).*", "$1"));

        browser.get(base() + "/import.html?id=" + id);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(text(By.id("audit")))
                .contains("upload", "force", "local (no credentials configured)",
                        "audited-in-browser.csv -> campaign " + CAMPAIGN));
    }

    private String text(By by) {
        return chromium.text(by);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
