package com.leadlex.importer.importjob;

import static com.leadlex.importer.importjob.OneRequestAMinuteImporter.importInBackground;
import static com.leadlex.importer.importjob.OneRequestAMinuteImporter.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.sandbox.SandboxRequestLog.ReceivedRequest;
import com.leadlex.importer.sandbox.StandaloneSandbox;
import com.leadlex.importer.system.TestDatabase;

/**
 * {@link ExactResumeEndToEndTest} with the importer restarted during the pause: in real time, on a
 * key that allows one request a minute, the restarted importer resumes the paused import at the
 * window's reset from the resume time stored in the database. The resume poll runs every 10 minutes,
 * and a paused import is not an interrupted one that recovery restarts, so only the alarm set at
 * start-up can have resumed it.
 */
@Tag(TestDatabase.TAG)
class ExactResumeAfterRestartEndToEndTest {

    @TempDir
    Path workDir;

    @Test
    void anImporterRestartedDuringThePauseResumesTheImportAtTheResetFromTheStoredTime() throws Exception {
        assumeTrue(TestDatabase.usable(), "no PostgreSQL (required under CI=true)");
        List<String> database = TestDatabase.arguments();
        // LeadLex outlives the importer: what it received, and its count of the minute, stay
        try (StandaloneSandbox leadLex = StandaloneSandbox.start(
                OneRequestAMinuteImporter.SANDBOX.toArray(String[]::new))) {
            List<String> settings = new ArrayList<>(database);
            settings.addAll(List.of("--leadlex.sandbox.enabled=false", "--leadlex.base-url=" + leadLex.baseUrl()));
            long id;
            Instant reset;
            try (ConfigurableApplicationContext first = OneRequestAMinuteImporter.start(workDir, settings)) {
                Clock clock = first.getBean(Clock.class);
                await().atMost(Duration.ofSeconds(61)).pollInterval(Duration.ofMillis(200))
                        .until(() -> clock.instant().getEpochSecond() % 60 < 20);
                long started = importInBackground(first, list(workDir, 2));
                ImportRecord paused = await().atMost(Duration.ofSeconds(30)).until(
                        () -> first.getBean(ImportRepository.class).findById(started).orElseThrow(),
                        r -> r.status() == ImportStatus.PAUSED);
                id = started;
                reset = paused.resumeAt();
            }

            try (ConfigurableApplicationContext restarted = OneRequestAMinuteImporter.start(workDir, settings)) {
                Instant ready = restarted.getBean(Clock.class).instant();
                ImportRepository imports = restarted.getBean(ImportRepository.class);
                await().atMost(Duration.ofSeconds(90))
                        .until(() -> imports.findById(id).orElseThrow().status() == ImportStatus.COMPLETED);

                List<ReceivedRequest> received = leadLex.leadLex().receivedRequests();
                assertThat(received).hasSize(2).extracting(ReceivedRequest::status).containsOnly(200);
                if (ready.isBefore(reset)) {
                    assertThat(Duration.between(reset, received.get(1).receivedAt()))
                            .as("from the window's reset to the first request after the pause")
                            .isGreaterThanOrEqualTo(Duration.ZERO).isLessThan(Duration.ofSeconds(2));
                }
            }
        }
    }
}
