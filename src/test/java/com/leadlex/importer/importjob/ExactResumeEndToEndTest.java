package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import com.leadlex.importer.intake.ContactListIntake;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.sandbox.SandboxLeadLex;
import com.leadlex.importer.sandbox.SandboxRequestLog.ReceivedRequest;
import com.leadlex.importer.sandbox.StandaloneSandbox;
import com.leadlex.importer.system.StandaloneImporter;
import com.leadlex.importer.system.TestDatabase;

/**
 * In real time, on a key that allows one request a minute, with {@code leadlex.max-wait} 1s: a list
 * of two contacts (one per request) sends its first at once, pauses until the next minute, and its
 * second request reaches LeadLex within 2 s of that minute's start, accepted. The resume poll runs
 * every 10 minutes, so only the resume alarm can have resumed it: the one set when the import paused,
 * or, when the importer was restarted during the pause, the one set at start-up.
 */
@Tag(TestDatabase.TAG)
class ExactResumeEndToEndTest {

    private static final String KEY = "wbk_exact_resume_01";
    private static final String CAMPAIGN = "cmp_exact_resume";

    @TempDir
    Path workDir;

    @Test
    void aPausedImportSendsItsNextRequestWithinTwoSecondsOfTheWindowsReset() throws Exception {
        assumeTrue(TestDatabase.usable(), "no PostgreSQL (required under CI=true)");
        try (ConfigurableApplicationContext importer = start()) {
            Clock clock = importer.getBean(Clock.class);
            ImportRepository imports = importer.getBean(ImportRepository.class);
            // the second request must need the next minute, further off than max-wait
            await().atMost(Duration.ofSeconds(61)).pollInterval(Duration.ofMillis(200))
                    .until(() -> clock.instant().getEpochSecond() % 60 < 45);

            long id = importInBackground(importer, list(2));

            ImportRecord paused = await().atMost(Duration.ofSeconds(30))
                    .until(() -> imports.findById(id).orElseThrow(), r -> r.status() == ImportStatus.PAUSED);
            Instant reset = paused.resumeAt();
            assertThat(reset.getEpochSecond() % 60).as("the next minute").isZero();
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> imports.findById(id).orElseThrow().status() == ImportStatus.COMPLETED);

            List<ReceivedRequest> received = importer.getBean(SandboxLeadLex.class).receivedRequests();
            assertThat(received).hasSize(2).extracting(ReceivedRequest::status).containsOnly(200);
            Duration delay = Duration.between(reset, received.get(1).receivedAt());
            assertThat(delay).as("from the window's reset to the first request after the pause")
                    .isGreaterThanOrEqualTo(Duration.ZERO).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void anImporterRestartedDuringThePauseResumesTheImportAtTheResetFromTheStoredTime() throws Exception {
        assumeTrue(TestDatabase.usable(), "no PostgreSQL (required under CI=true)");
        List<String> database = TestDatabase.arguments();
        // LeadLex outlives the importer: what it received, and its count of the minute, stay
        try (StandaloneSandbox leadLex = StandaloneSandbox.start(
                "--leadlex.sandbox.campaigns=" + CAMPAIGN,
                "--leadlex.sandbox.keys[0].key=" + KEY,
                "--leadlex.sandbox.keys[0].permissions[0]=campaigns:write",
                "--leadlex.sandbox.keys[0].requests-per-minute=1")) {
            List<String> settings = new ArrayList<>(database);
            settings.addAll(List.of("--leadlex.sandbox.enabled=false", "--leadlex.base-url=" + leadLex.baseUrl()));
            long id;
            Instant reset;
            try (ConfigurableApplicationContext first = start(settings)) {
                Clock clock = first.getBean(Clock.class);
                await().atMost(Duration.ofSeconds(61)).pollInterval(Duration.ofMillis(200))
                        .until(() -> clock.instant().getEpochSecond() % 60 < 20);
                long started = importInBackground(first, list(2));
                ImportRecord paused = await().atMost(Duration.ofSeconds(30)).until(
                        () -> first.getBean(ImportRepository.class).findById(started).orElseThrow(),
                        r -> r.status() == ImportStatus.PAUSED);
                id = started;
                reset = paused.resumeAt();
            }

            try (ConfigurableApplicationContext restarted = start(settings)) {
                Instant ready = restarted.getBean(Clock.class).instant();
                ImportRepository imports = restarted.getBean(ImportRepository.class);
                await().atMost(Duration.ofSeconds(90))
                        .until(() -> imports.findById(id).orElseThrow().status() == ImportStatus.COMPLETED);

                List<ReceivedRequest> received = leadLex.leadLex().receivedRequests();
                assertThat(received).hasSize(2).extracting(ReceivedRequest::status).containsOnly(200);
                // the poll runs every 10 minutes, and a paused import is not an interrupted one that recovery
                // restarts: only the alarm set at start-up can have resumed it
                if (ready.isBefore(reset)) {
                    assertThat(Duration.between(reset, received.get(1).receivedAt()))
                            .as("from the window's reset to the first request after the pause")
                            .isGreaterThanOrEqualTo(Duration.ZERO).isLessThan(Duration.ofSeconds(2));
                }
            }
        }
    }

    private ConfigurableApplicationContext start() throws Exception {
        List<String> settings = new ArrayList<>(TestDatabase.arguments());
        return start(settings);
    }

    private ConfigurableApplicationContext start(List<String> more) {
        List<String> settings = new ArrayList<>(List.of(
                "--leadlex.sandbox.campaigns=" + CAMPAIGN,
                "--leadlex.sandbox.keys[0].key=" + KEY,
                "--leadlex.sandbox.keys[0].permissions[0]=campaigns:write",
                "--leadlex.sandbox.keys[0].requests-per-minute=1",
                "--leadlex.api-key=" + KEY,
                "--leadlex.requests-per-minute=1",
                "--leadlex.max-wait=1s",
                "--importer.chunk-size=1",
                "--importer.resume-poll-interval=10m"));
        settings.addAll(more);
        return StandaloneImporter.start(workDir, null, settings.toArray(String[]::new));
    }

    private static long importInBackground(ConfigurableApplicationContext importer, Path list) throws IOException {
        try (InputStream content = Files.newInputStream(list)) {
            return importer.getBean(ContactListIntake.class)
                    .accept(content, list.getFileName().toString(), CAMPAIGN, "test", false, false)
                    .launch().importId();
        }
    }

    private Path list(int count) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(UUID.randomUUID().toString());
        }
        return Files.write(Files.createDirectories(workDir.resolve("lists")).resolve("two.txt"), lines);
    }
}
