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
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.sandbox.SandboxLeadLex;
import com.leadlex.importer.sandbox.SandboxRequestLog.ReceivedRequest;
import com.leadlex.importer.system.TestDatabase;

/**
 * In real time, on a key that allows one request a minute, with {@code leadlex.max-wait} 1s: a list
 * of two contacts (one per request) sends its first at once, pauses until the next minute, and its
 * second request reaches LeadLex within 2 s of that minute's start, accepted. The resume poll runs
 * every 10 minutes, so only the resume alarm set when the import paused can have resumed it. The
 * same with an importer restarted during the pause: {@link ExactResumeAfterRestartEndToEndTest}.
 */
@Tag(TestDatabase.TAG)
class ExactResumeEndToEndTest {

    @TempDir
    Path workDir;

    @Test
    void aPausedImportSendsItsNextRequestWithinTwoSecondsOfTheWindowsReset() throws Exception {
        assumeTrue(TestDatabase.usable(), "no PostgreSQL (required under CI=true)");
        try (ConfigurableApplicationContext importer = OneRequestAMinuteImporter.start(workDir,
                TestDatabase.arguments())) {
            Clock clock = importer.getBean(Clock.class);
            ImportRepository imports = importer.getBean(ImportRepository.class);
            // the second request must need the next minute, further off than max-wait
            await().atMost(Duration.ofSeconds(61)).pollInterval(Duration.ofMillis(200))
                    .until(() -> clock.instant().getEpochSecond() % 60 < 45);

            long id = importInBackground(importer, list(workDir, 2));

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
}
