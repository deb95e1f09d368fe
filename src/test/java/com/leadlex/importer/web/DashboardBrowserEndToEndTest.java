package com.leadlex.importer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Value;

import com.leadlex.importer.importjob.SlowSandboxIntegrationTest;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.sandbox.ScriptedFault;
import com.leadlex.importer.system.HumanTime;

/**
 * The dashboard in a real headless Chromium ({@link HeadlessChromium}) while imports run against the
 * sandbox: progress and the estimated end show on screen by themselves, the finished import shows its
 * counts, its page shows the chunk ledger and the chart; a quota pause is a state with its date and the
 * import's estimated end, not an error; the import table fits the screen; the dry-run form reports
 * without sending anything; a list the inbox rejects is listed. The import page's own tests are
 * {@link ImportPageBrowserEndToEndTest}.
 */
class DashboardBrowserEndToEndTest extends SlowSandboxIntegrationTest {

    private static final String CAMPAIGN = "cmp_dashboard";
    private static final String LONG_CAMPAIGN = "cmp_spring_newsletter_returning_customers";
    private static final Pattern PROGRESS = Pattern.compile("(\\d+) / (\\d+) chunks");

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
    void theDashboardFollowsARunningImportAndShowsTheFinishedOnesCountsAndLedger() {
        List<String> ids = newIds(2_000);
        long id = startInBackground(csvList("watched.csv", ids), CAMPAIGN);
        browser.get(base() + "/");

        Set<Integer> seen = new ConcurrentSkipListSet<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            progress(id).ifPresent(seen::add);
            return seen.stream().filter(done -> done > 0 && done < 40).count() >= 2;
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(text(By.id("refreshed"))).contains("refreshing every second"));
        await().atMost(Duration.ofSeconds(10)).until(() -> text(By.id("eta-" + id)).startsWith("finishes ~")
                || text(By.id("status-" + id)).equals("completed"));

        await().atMost(Duration.ofSeconds(60)).until(() -> text(By.id("status-" + id)).equals("completed"));
        // the page re-renders while we read it: each check re-finds its elements until it holds
        await().atMost(Duration.ofSeconds(10)).ignoreException(StaleElementReferenceException.class)
                .untilAsserted(() -> {
                    WebElement row = browser.findElement(By.cssSelector("tr[data-import-id='" + id + "']"));
                    assertThat(row.getText()).contains("watched.csv", CAMPAIGN, "40 / 40 chunks", "2000");
                    assertThat(row.findElement(By.cssSelector("td.added")).getText()).isEqualTo("2000");
                    assertThat(text(By.id("quota-key"))).isEqualTo("wbk_…ered");
                });
        assertThat(browser.getPageSource()).doesNotContain("wbk_sandbox_unmetered");

        browser.findElement(By.linkText(Long.toString(id))).click();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> browser.findElements(By.cssSelector("#chunks tbody tr")).size() == 40);
        await().atMost(Duration.ofSeconds(10)).ignoreException(StaleElementReferenceException.class)
                .untilAsserted(() -> {
                    assertThat(text(By.id("counts"))).contains("2000 added", "0 already enrolled", "0 invalid",
                            "0 duplicates");
                    assertThat(text(By.id("status"))).isEqualTo("completed");
                    assertThat(browser.findElement(By.cssSelector("#chunks tr[data-chunk='40']")).getText())
                            .contains("1951–2000", "50", "200", "sent");
                    assertThat(browser.findElements(By.cssSelector("#chart-contacts polyline"))).hasSize(1);
                    assertThat(browser.findElements(By.cssSelector("#chart-requests polyline"))).hasSize(1);
                });
    }

    @Test
    void aQuotaPauseIsAStateWithItsDateAndTheEstimatedEndAndTheTableFitsTheScreen() {
        // beside the paused import and its buttons, a finished one with four-digit counts and a long campaign
        // ID: together they had made the table 31 px wider than the screen
        sandbox.createCampaign(LONG_CAMPAIGN);
        importNow(csvList("finished-beside-the-pause.csv", newIds(1_000)), LONG_CAMPAIGN, false);
        Instant midnight = clock.instant().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
        // LeadLex says: not before midnight; that is longer than max-wait, so the import pauses until then
        sandbox.failNext(1, ScriptedFault.rateLimited(
                DateTimeFormatter.RFC_1123_DATE_TIME.format(midnight.atZone(ZoneOffset.UTC))));
        long id;
        try {
            id = importNow(csvList("paused-until-midnight.csv", newIds(120)), CAMPAIGN, false).id();
            assertThat(imports.findById(id).orElseThrow().resumeAt()).isEqualTo(midnight);
            browser.get(base() + "/");

            String pausedUntil = "paused until " + HumanTime.dayAndTime(midnight);
            assertThat(pausedUntil).matches("paused until \\w{3} \\d{1,2} \\w{3} 00:00 UTC");
            await().atMost(Duration.ofSeconds(20)).until(() -> text(By.id("status-" + id)).equals(pausedUntil));
            await().atMost(Duration.ofSeconds(10)).ignoreException(StaleElementReferenceException.class)
                    .untilAsserted(() -> {
                        assertThat(text(By.id("eta-" + id))).startsWith("finishes ~" + HumanTime.dayAndTime(midnight)
                                + " (in ");
                        WebElement below = browser.findElement(By.xpath(
                                "//tr[@data-import-id='" + id + "']/following-sibling::tr[1]"));
                        assertThat(below.getDomAttribute("class")).as("a pause is a note, not an error")
                                .isEqualTo("note");
                        assertThat(below.getText()).contains("Retry-After", "resumes by itself").doesNotContain("PT");
                    });
            assertFitsTheWindow("imports");

            browser.get(base() + "/import.html?id=" + id);
            await().atMost(Duration.ofSeconds(20)).until(() -> text(By.id("status")).equals(pausedUntil));
            assertThat(browser.findElements(By.id("failure"))).isEmpty();
            assertThat(text(By.id("note"))).contains("resumes by itself");
            assertThat(browser.findElements(By.id("results-link"))).as("a pause writes the results file").hasSize(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.cssSelector("#chunks tbody tr"))
                    .isEmpty());
            assertFitsTheWindow("chunks");
        } finally {
            clock.set(midnight.plusSeconds(1)); // the key is free again for the other tests of this context
        }
        // a paused import's page refreshes every ten seconds; the resumed import finishes within one,
        // so look again once it has, rather than wait out the page's timer
        await().atMost(Duration.ofSeconds(30))
                .until(() -> imports.findById(id).orElseThrow().status() == ImportStatus.COMPLETED);
        browser.navigate().refresh();
        await().atMost(Duration.ofSeconds(10)).until(() -> text(By.id("status")).equals("completed"));
        assertThat(browser.findElements(By.id("note"))).as("the pause's message went with the pause").isEmpty();
    }

    @Test
    void theDryRunFormReportsCountsAndRequestsWithoutSendingAnything() {
        List<String> ids = newIds(120);
        Path list = write("checked.csv", "contact_id\n" + String.join("\n", ids) + "\n" + ids.get(0) + "\nnope\n");
        browser.get(base() + "/");
        browser.findElement(By.name("file")).sendKeys(list.toAbsolutePath().toString());
        browser.findElement(By.name("campaign")).sendKeys(CAMPAIGN);
        browser.findElement(By.cssSelector("button[data-action='dry-run']")).click();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(text(By.id("dry-run-report")))
                .contains("120 valid, 1 invalid, 1 duplicates", "3 request(s)", "nothing sent to LeadLex"));
        // (an import another test left running may still talk to the sandbox: look only for this list)
        assertThat(requestsFor(CAMPAIGN)).noneMatch(request -> String.valueOf(request.source()).contains("checked.csv"));
    }

    /** Nothing wider than the window: no horizontal scrolling, the table inside the viewport. */
    private void assertFitsTheWindow(String tableId) {
        JavascriptExecutor page = (JavascriptExecutor) browser;
        Number viewport = (Number) page.executeScript("return document.documentElement.clientWidth;");
        Number pageWidth = (Number) page.executeScript("return document.documentElement.scrollWidth;");
        Number tableRight = (Number) page.executeScript(
                "return document.getElementById(arguments[0]).getBoundingClientRect().right;", tableId);
        assertThat(viewport.intValue()).as("the window is a 1,280-px screen").isBetween(1_200, 1_280);
        assertThat(pageWidth.intValue()).as("page width").isLessThanOrEqualTo(viewport.intValue());
        assertThat(tableRight.doubleValue()).as(tableId + "'s right edge").isLessThanOrEqualTo(viewport.doubleValue());
    }

    @Test
    void aFileTheInboxRejectsIsListedUnderRejectedFiles() throws IOException {
        Path folder = Files.createDirectories(inbox().resolve(CAMPAIGN));
        Files.move(write("shown-as-rejected.csv", "name;city\nAda Lovelace;London\n"),
                folder.resolve("shown-as-rejected.csv"));
        // the table refreshes every five seconds: open the page once the inbox has rejected the file
        ApiClient api = ApiClient.anonymous(port);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/rejected-files").body().contains("shown-as-rejected.csv"));
        browser.get(base() + "/");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(text(By.id("rejected-files")))
                .contains("shown-as-rejected.csv", "inbox", CAMPAIGN, "failed/shown-as-rejected.csv.error.txt"));
    }

    private java.util.Optional<Integer> progress(long id) {
        List<WebElement> cells = browser.findElements(By.id("progress-" + id));
        if (cells.isEmpty()) {
            return java.util.Optional.empty();
        }
        String progress;
        try {
            progress = cells.get(0).getText();
        } catch (StaleElementReferenceException e) {
            return java.util.Optional.empty();
        }
        Matcher matcher = PROGRESS.matcher(progress);
        return matcher.find() ? java.util.Optional.of(Integer.parseInt(matcher.group(1))) : java.util.Optional.empty();
    }

    private String text(By by) {
        return chromium.text(by);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
