package com.leadlex.importer.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.leadlex.importer.importjob.ImportIntegrationTest;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.system.TestDatabase;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A failed import, a quota pause, a completion with rejected rows and a rejected file each reach a real
 * webhook receiver and a real SMTP mailbox (GreenMail) exactly once, through the outbox; a receiver that fails gets the message
 * again after the backoff. Runs on PostgreSQL too (the outbox's claim, V6 and V7). The day quota is 3 requests, so the methods run in order: the quota
 * pause comes last.
 */
@TestPropertySource(properties = {
        "leadlex.requests-per-day=3",
        "importer.notifications.poll-interval=100ms",
        "importer.notifications.retry-backoff=5m",
        "importer.notifications.email.to=ops@example.com",
        "importer.notifications.email.from=importer@example.com"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag(TestDatabase.TAG)
class NotificationsEndToEndTest extends ImportIntegrationTest {

    private static final WebhookReceiver RECEIVER = new WebhookReceiver();
    private static final GreenMail MAILBOX = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @Autowired
    NotificationOutbox outbox;
    @Autowired
    com.leadlex.importer.sources.RejectedFileRepository rejectedFiles;
    @Autowired
    com.leadlex.importer.ledger.ImportAuditRepository audit;
    @org.springframework.beans.factory.annotation.Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void receivers(DynamicPropertyRegistry registry) {
        if (!MAILBOX.isRunning()) {
            MAILBOX.start();
        }
        registry.add("importer.notifications.webhook-url", RECEIVER::url);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAILBOX.getSmtp().getPort());
    }

    @AfterAll
    static void stopReceivers() {
        RECEIVER.close();
        MAILBOX.stop();
    }

    @Test
    @Order(1)
    void aFailedImportIsToldOnceByWebhookAndByMail() throws MessagingException {
        ImportRecord failed = importNow(csvList("to-nowhere.csv", newIds(3)), "cmp_nowhere", false);

        assertThat(failed.status()).isEqualTo(ImportStatus.FAILED);
        String marker = "\"importId\":" + failed.id() + ",";
        awaitToldOnce(marker, "Import " + failed.id() + " failed");
        String body = RECEIVER.bodiesWith(marker).get(0);
        assertThat(body).contains("\"text\":\"Import " + failed.id() + " failed", "\"kind\":\"import_failed\"",
                "\"status\":\"FAILED\"", "\"campaign\":\"cmp_nowhere\"", "\"list\":\"to-nowhere.csv\"",
                "\"reasonCode\":\"campaign_not_found\"", "\"action\":\"Fix the cause");
    }

    @Test
    @Order(2)
    void aFailedSendIsTriedAgainAfterTheBackoffAndThenArrivesOnce() throws MessagingException {
        RECEIVER.failNext(1);
        ImportRecord failed = importNow(csvList("to-nowhere-again.csv", newIds(2)), "cmp_nowhere_either", false);
        String marker = "\"importId\":" + failed.id() + ",";

        await().atMost(Duration.ofSeconds(20)).until(() -> RECEIVER.refusedCalls() == 1);
        OutboxMessage waiting = await().atMost(Duration.ofSeconds(20))
                .until(() -> webhookRow(failed.id()), row -> row != null && "PENDING".equals(row.status()));
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastError()).contains("503");
        assertThat(RECEIVER.bodiesWith(marker)).isEmpty();

        clock.advance(Duration.ofMinutes(5));

        awaitToldOnce(marker, "Import " + failed.id() + " failed");
        assertThat(webhookRow(failed.id()).attempts()).isEqualTo(2);
    }

    @Test
    @Order(3)
    void aFileTheInboxRejectsIsToldOnce() throws IOException, MessagingException {
        Path folder = Files.createDirectories(inbox().resolve("cmp_demo"));
        Path staged = write("no-ids-at-all.csv", "name;city\nAda Lovelace;London\n");

        Files.move(staged, folder.resolve("no-ids-at-all.csv"));

        awaitToldOnce("\"file\":\"no-ids-at-all.csv\"", "rejected no-ids-at-all.csv");
        assertThat(RECEIVER.bodiesWith("\"file\":\"no-ids-at-all.csv\"").get(0))
                .contains("\"kind\":\"file_rejected\"", "\"source\":\"inbox\"", "\"action\":\"Read the report");
        assertThat(rejectedFiles.findRecent("inbox", 0, 10)).singleElement().satisfies(rejected -> {
            assertThat(rejected.fileName()).isEqualTo("no-ids-at-all.csv");
            assertThat(rejected.campaignId()).isEqualTo("cmp_demo");
            assertThat(rejected.reportLocation()).endsWith("failed/no-ids-at-all.csv.error.txt");
            assertThat(rejected.report()).contains("Nothing from this file was imported");
        });
    }

    @Test
    @Order(4)
    void aCompletionWithRejectedRowsIsToldOnce() throws MessagingException {
        sandbox.createCampaign("cmp_notify_rejects");
        java.util.List<String> rows = new java.util.ArrayList<>(newIds(2));
        rows.add("not-a-contact-id");

        ImportRecord completed = importNow(csvList("with-a-bad-row.csv", rows), "cmp_notify_rejects", false);

        assertThat(completed.status()).isEqualTo(ImportStatus.COMPLETED);
        String marker = "\"importId\":" + completed.id() + ",";
        awaitToldOnce(marker, "Import " + completed.id() + " completed with 1 rejected row(s)");
        assertThat(RECEIVER.bodiesWith(marker).get(0)).contains("\"kind\":\"import_completed_with_rejects\"",
                "\"status\":\"COMPLETED\"", "\"invalid\":1", "\"added\":2",
                "/api/imports/" + completed.id() + "/rejected.csv");
    }

    @Test
    @Order(5)
    void aQuotaPauseIsToldOnceWithItsResumeTime() throws MessagingException {
        sandbox.createCampaign("cmp_notify_pause");

        ImportRecord paused = importNow(csvList("more-than-a-day.csv", newIds(2_000)), "cmp_notify_pause", false);

        assertThat(paused.status()).isEqualTo(ImportStatus.PAUSED);
        String marker = "\"importId\":" + paused.id() + ",";
        awaitToldOnce(marker, "Import " + paused.id() + " paused until " + paused.resumeAt());
        assertThat(RECEIVER.bodiesWith(marker).get(0)).contains("\"kind\":\"import_paused\"",
                "\"resumeAt\":\"" + paused.resumeAt() + "\"", "\"reasonCode\":\"quota_exhausted\"");
    }

    @Test
    @Order(6)
    void whilePausedPrometheusShowsThePauseTheNextResumeAndTheDaysQuotaLeft() throws Exception {
        ImportRecord paused = imports.findRecent(10).stream().filter(i -> i.status() == ImportStatus.PAUSED)
                .findFirst().orElseThrow();
        String scrape = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();

        assertThat(metric(scrape, "importer_imports_paused")).isEqualTo(1);
        assertThat(metric(scrape, "importer_resume_next_seconds"))
                .isEqualTo(Duration.between(clock.instant(), paused.resumeAt()).toMillis() / 1000.0);
        assertThat(metric(scrape, "importer_quota_requests_left{key=\"wbk_…ered\",window=\"day\"}")).isZero();
        assertThat(metric(scrape, "importer_last_chunk_age_seconds")).isGreaterThanOrEqualTo(0);
    }

    @Test
    @Order(7)
    void aPausedImportResumedByTheImporterSaysSoInItsAudit() {
        ImportRecord paused = imports.findRecent(10).stream().filter(i -> i.status() == ImportStatus.PAUSED)
                .findFirst().orElseThrow();

        clock.set(paused.resumeAt().plusSeconds(1));

        await().atMost(Duration.ofSeconds(30)).until(() -> !audit.findByImport(paused.id()).isEmpty());
        assertThat(audit.findByImport(paused.id())).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("resume");
            assertThat(entry.actor()).isEqualTo("importer (quota window reset)");
            assertThat(entry.detail()).isEqualTo("was paused until " + paused.resumeAt());
        });
    }

    @Test
    @Order(8)
    void aWebhookThatKeepsFailingIsGivenUpAfterMaxAttemptsWhileTheMailStillGoesOnce() throws Exception {
        RECEIVER.failNext(1_000);
        Path folder = Files.createDirectories(inbox().resolve("cmp_demo"));
        Files.move(write("given-up.csv", "name;city\nGrace Hopper;Arlington\n"), folder.resolve("given-up.csv"));

        for (int attempt = 1; attempt < 5; attempt++) {
            int failed = attempt;
            await().atMost(Duration.ofSeconds(30)).until(() -> givenUpRow() != null
                    && givenUpRow().attempts() == failed && "PENDING".equals(givenUpRow().status()));
            clock.advance(Duration.ofHours(1)); // the longest backoff there is
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> "GAVE_UP".equals(givenUpRow().status()));
        assertThat(givenUpRow().attempts()).isEqualTo(5);
        assertThat(givenUpRow().lastError()).contains("503");
        assertThat(RECEIVER.bodiesWith("given-up.csv")).isEmpty();
        assertThat(mailsWith("rejected given-up.csv")).hasSize(1);
        RECEIVER.failNext(0);
    }

    private OutboxMessage givenUpRow() {
        return outbox.recent(100).stream()
                .filter(row -> "webhook".equals(row.channel()) && row.eventKey().endsWith(":given-up.csv"))
                .findFirst().orElse(null);
    }

    private static double metric(String scrape, String series) {
        return scrape.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError(series + " not in the scrape:\n" + scrape));
    }

    /**
     * Waits until both channels have the message and the outbox holds nothing left to send, then checks
     * that each got it exactly once (a SENT row is never taken again).
     */
    private void awaitToldOnce(String webhookMarker, String subject) throws MessagingException {
        await().atMost(Duration.ofSeconds(30)).until(() -> !RECEIVER.bodiesWith(webhookMarker).isEmpty()
                && !mailsWith(subject).isEmpty()
                && outbox.recent(100).stream().allMatch(row -> "SENT".equals(row.status())));
        assertThat(RECEIVER.bodiesWith(webhookMarker)).hasSize(1);
        assertThat(mailsWith(subject)).hasSize(1);
        MimeMessage mail = mailsWith(subject).get(0);
        assertThat(GreenMailUtil.getAddressList(mail.getAllRecipients())).isEqualTo("ops@example.com");
        assertThat(GreenMailUtil.getBody(mail)).contains("What to do:");
    }

    private List<MimeMessage> mailsWith(String subject) {
        return Arrays.stream(MAILBOX.getReceivedMessages()).filter(mail -> subjectOf(mail).contains(subject)).toList();
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private OutboxMessage webhookRow(long importId) {
        return outbox.recent(100).stream()
                .filter(row -> "webhook".equals(row.channel()) && row.eventKey().startsWith("import:" + importId + ":"))
                .findFirst().orElse(null);
    }
}
