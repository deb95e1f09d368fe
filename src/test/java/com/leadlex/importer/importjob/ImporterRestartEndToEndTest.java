package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.leadlex.importer.intake.ContactListIntake;
import com.leadlex.importer.ledger.ChunkRecord;
import com.leadlex.importer.ledger.ChunkStatus;
import com.leadlex.importer.ledger.ImportChunkRepository;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.ledger.NewImport;
import com.leadlex.importer.sandbox.SandboxLeadLex;
import com.leadlex.importer.staging.ContactListStager;
import com.leadlex.importer.staging.StagedList;
import com.leadlex.importer.system.ManualClock;
import com.leadlex.importer.system.ManualTimeConfiguration;
import com.leadlex.importer.system.StandaloneImporter;

/**
 * Stops the whole application between two halves of an import and starts a new one on the same
 * data directory: a pause for quota and an import killed mid-chunk both carry on in the new
 * process, from the first chunk that was not committed.
 */
class ImporterRestartEndToEndTest {

    private final ManualClock clock = new ManualClock(ManualTimeConfiguration.START);

    @TempDir
    Path workDir;

    @Test
    void aPausedImportResumesAtItsResumeTimeAfterTheApplicationWasRestarted() throws IOException {
        long importId;
        try (ConfigurableApplicationContext first = start()) {
            importId = importNow(first, list(1_010), "cmp_restart_pause");
            assertThat(first.getBean(ImportRepository.class).findById(importId).orElseThrow().status())
                    .isEqualTo(ImportStatus.PAUSED);
        }

        clock.set(Instant.parse("2026-11-27T00:00:05Z"));
        try (ConfigurableApplicationContext second = start()) {
            ImportRepository imports = second.getBean(ImportRepository.class);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> imports.findById(importId).orElseThrow().status() == ImportStatus.COMPLETED);
            SandboxLeadLex sandbox = second.getBean(SandboxLeadLex.class);
            assertThat(sandbox.receivedRequests()).as("only the chunk left over is sent").hasSize(1);
            assertThat(second.getBean(ImportChunkRepository.class).findByImport(importId))
                    .hasSize(101).extracting(ChunkRecord::status).containsOnly(ChunkStatus.SENT);
        }
    }

    @Test
    void anImportKilledMidChunkIsRecoveredAtStartUpAndResentFromTheUncommittedChunk() throws IOException {
        long importId;
        try (ConfigurableApplicationContext first = start()) {
            importId = importNow(first, list(1_010), "cmp_restart_kill");
            // What a kill -9 during the last chunk's request leaves behind: the execution and its step
            // STARTED without an end, and chunk 101's ledger row 'sending' (written before the request).
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            long execution = first.getBean(ImportRepository.class).findById(importId).orElseThrow().jobExecutionId();
            jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'UNKNOWN', END_TIME = NULL "
                    + "WHERE JOB_EXECUTION_ID = ?", execution);
            jdbc.update("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'EXECUTING', END_TIME = NULL "
                    + "WHERE JOB_EXECUTION_ID = ?", execution);
            jdbc.update("UPDATE IMPORT_CHUNK SET STATUS = 'sending' WHERE IMPORT_ID = ? AND CHUNK_NUMBER = 101",
                    importId);
            jdbc.update("UPDATE CONTACT_IMPORT SET STATUS = 'RUNNING', RESUME_AT = NULL WHERE ID = ?", importId);
        }

        clock.set(Instant.parse("2026-11-27T00:00:05Z"));
        try (ConfigurableApplicationContext second = start()) {
            ImportRepository imports = second.getBean(ImportRepository.class);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> imports.findById(importId).orElseThrow().status() == ImportStatus.COMPLETED);
            assertThat(second.getBean(SandboxLeadLex.class).receivedRequests()).hasSize(1);
            List<ChunkRecord> ledger = second.getBean(ImportChunkRepository.class).findByImport(importId);
            assertThat(ledger.get(99).status()).isEqualTo(ChunkStatus.SENT);
            assertThat(ledger.get(100).status()).as("it may have reached LeadLex before the kill")
                    .isEqualTo(ChunkStatus.RESENT);
        }
    }

    @Test
    void anImportStillQueuedWhenTheApplicationStoppedIsLaunchedAtTheNextStart() throws IOException {
        long importId;
        try (ConfigurableApplicationContext first = start()) {
            // What a stop leaves when the import was registered but still waited for a free slot:
            // its row QUEUED, its list staged, no job execution (the executor's queue is memory).
            Path list = list(45);
            Path stagingDir = workDir.resolve("data").resolve("imports").resolve("queued-at-stop");
            StagedList staged;
            try (InputStream content = Files.newInputStream(list)) {
                staged = first.getBean(ContactListStager.class).stage(content, "queued.txt", stagingDir);
            }
            importId = first.getBean(ImportRepository.class).insert(new NewImport("cmp_restart_queued", "test",
                    "queued.txt", "import:test:queued.txt", stagingDir, staged.contentHash(), ImportStatus.QUEUED,
                    staged.rowsRead(), staged.validUnique(), staged.invalid(), staged.duplicates(), 10, null));
        }

        try (ConfigurableApplicationContext second = start()) {
            ImportRepository imports = second.getBean(ImportRepository.class);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> imports.findById(importId).orElseThrow().status() == ImportStatus.COMPLETED);
            assertThat(second.getBean(SandboxLeadLex.class).enrolledCount("cmp_restart_queued")).isEqualTo(45);
            assertThat(second.getBean(ImportChunkRepository.class).findByImport(importId)).hasSize(5);
        }
    }

    /** The importer on a Starter key with chunks of 10: 1,010 IDs need 101 requests, one more than a day's. */
    private ConfigurableApplicationContext start() {
        return StandaloneImporter.start(workDir, clock,
                "--leadlex.sandbox.campaigns=cmp_restart_pause,cmp_restart_kill,cmp_restart_queued",
                "--leadlex.api-key=wbk_sandbox_starter",
                "--leadlex.plan=starter",
                "--importer.chunk-size=10");
    }

    private static long importNow(ConfigurableApplicationContext context, Path list, String campaign)
            throws IOException {
        try (InputStream content = Files.newInputStream(list)) {
            return context.getBean(ContactListIntake.class)
                    .accept(content, list.getFileName().toString(), campaign, "test", false, true)
                    .launch().importId();
        }
    }

    private Path list(int count) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(UUID.randomUUID().toString());
        }
        return Files.write(workDir.resolve("list-" + count + ".txt"), lines);
    }
}
