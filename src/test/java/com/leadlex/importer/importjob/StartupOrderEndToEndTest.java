package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.leadlex.importer.intake.ContactListIntake;
import com.leadlex.importer.ledger.ChunkStatus;
import com.leadlex.importer.ledger.ImportChunkRepository;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.sandbox.SandboxLeadLex;
import com.leadlex.importer.system.StandaloneImporter;
import com.leadlex.importer.system.StartupStep;

/**
 * The start-up order, and the two races it closes: a list already waiting in a source folder is
 * taken only after recovery of interrupted work has run (so recovery cannot launch it a second
 * time), and an import that finds Camel not started (scheduled work firing early, or a stop under
 * way) pauses and goes on instead of ending FAILED.
 */
class StartupOrderEndToEndTest {

    @TempDir
    Path workDir;

    @Test
    void aListWaitingInTheInboxAtStartUpIsTakenAfterRecoveryAndImportedOnce() throws IOException {
        Path waiting = Files.createDirectories(workDir.resolve("inbox").resolve("cmp_startup")).resolve("waiting.txt");
        Files.write(waiting, ids(1_200));
        Files.setLastModifiedTime(waiting, FileTime.from(Instant.now().minusSeconds(60)));
        RecoveryObserver observer = new RecoveryObserver();

        try (ConfigurableApplicationContext importer = StandaloneImporter.start(workDir, null,
                context -> {
                    observer.context = context;
                    context.getBeanFactory().registerSingleton("recoveryObserver", observer);
                }, "--leadlex.sandbox.campaigns=cmp_startup", "--leadlex.api-key=wbk_sandbox_unmetered")) {
            ImportRepository imports = importer.getBean(ImportRepository.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> imports.findRecent(10).stream()
                    .anyMatch(record -> record.status() == ImportStatus.COMPLETED));

            assertThat(observer.inboxRouteStartedDuringRecovery).as("inbox route running while recovery ran")
                    .isFalse();
            assertThat(observer.importsDuringRecovery).as("imports registered before recovery finished").isZero();
            List<ImportRecord> registered = imports.findRecent(10);
            assertThat(registered).hasSize(1);
            Long executions = importer.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Long.class);
            assertThat(executions).as("job executions").isEqualTo(1L);
            SandboxLeadLex sandbox = importer.getBean(SandboxLeadLex.class);
            assertThat(sandbox.receivedRequests()).as("each chunk sent once").hasSize(3);
            assertThat(sandbox.enrolledCount("cmp_startup")).isEqualTo(1_200);
        }
    }

    @Test
    void anImportThatFindsCamelNotStartedPausesAndGoesOnOnceCamelIsUp() throws Exception {
        try (ConfigurableApplicationContext importer = StandaloneImporter.start(workDir, null,
                "--leadlex.sandbox.campaigns=cmp_startup", "--leadlex.api-key=wbk_sandbox_unmetered")) {
            CamelContext camel = importer.getBean(CamelContext.class);
            ImportRepository imports = importer.getBean(ImportRepository.class);
            SandboxLeadLex sandbox = importer.getBean(SandboxLeadLex.class);
            camel.suspend();

            long importId;
            Path list = Files.write(workDir.resolve("early.txt"), ids(30));
            try (InputStream content = Files.newInputStream(list)) {
                importId = importer.getBean(ContactListIntake.class)
                        .accept(content, "early.txt", "cmp_startup", "test", false, true).launch().importId();
            }

            ImportRecord paused = imports.findById(importId).orElseThrow();
            assertThat(paused.status()).as(paused.lastError()).isIn(ImportStatus.PAUSED, ImportStatus.QUEUED,
                    ImportStatus.RUNNING);
            assertThat(paused.status()).isNotEqualTo(ImportStatus.FAILED);
            if (paused.status() == ImportStatus.PAUSED) {
                // once the resumer has claimed it, the pause and its reason are cleared: they no longer hold
                assertThat(paused.lastErrorCode()).isEqualTo("importer_not_ready");
            }
            assertThat(importer.getBean(ImportChunkRepository.class).findByImport(importId))
                    .extracting(chunk -> chunk.status()).containsOnly(ChunkStatus.WAITING_FOR_IMPORTER);
            assertThat(sandbox.receivedRequests()).isEmpty();

            camel.resume();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> imports.findById(importId).orElseThrow().status() == ImportStatus.COMPLETED);
            assertThat(sandbox.enrolledCount("cmp_startup")).isEqualTo(30);
            assertThat(importer.getBean(ImportChunkRepository.class).findByImport(importId))
                    .extracting(chunk -> chunk.status()).containsOnly(ChunkStatus.SENT);
        }
    }

    /** Runs after recovery (unordered steps come last) and notes what was already taking in work. */
    static final class RecoveryObserver implements StartupStep {

        volatile ConfigurableApplicationContext context;
        volatile boolean inboxRouteStartedDuringRecovery = true;
        volatile long importsDuringRecovery = -1;

        @Override
        public String description() {
            return "test: observe what runs during recovery";
        }

        @Override
        public void run() {
            CamelContext camel = context.getBean(CamelContext.class);
            inboxRouteStartedDuringRecovery = camel.getRouteController().getRouteStatus("ingest-file").isStarted();
            importsDuringRecovery = context.getBean(ImportRepository.class)
                    .findRecent(100).size();
        }
    }

    private static List<String> ids(int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(UUID.randomUUID().toString());
        }
        return lines;
    }
}
