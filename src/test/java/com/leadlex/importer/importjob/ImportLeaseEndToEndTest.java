package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

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
 * One owner per import, through its lease: two runs racing to launch the same import run it once,
 * and start-up recovery leaves alone an import whose lease a live node holds, taking it over only
 * once that lease has expired.
 */
class ImportLeaseEndToEndTest {

    private final ManualClock clock = new ManualClock(ManualTimeConfiguration.START);

    @TempDir
    Path workDir;

    @Test
    void aLaunchOfAnImportAnotherNodeHoldsDoesNothingAndTwoRacingLaunchesRunItOnce() throws Exception {
        try (ConfigurableApplicationContext importer = start()) {
            ImportRecord queued = registerQueued(importer, "cmp_lease_race", 45);
            ImportLauncher launcher = importer.getBean(ImportLauncher.class);
            JdbcTemplate jdbc = importer.getBean(JdbcTemplate.class);
            // first, while a live node holds the import: a launch here does nothing at all
            jdbc.update("UPDATE CONTACT_IMPORT SET LEASE_OWNER = ?, LEASE_EXPIRES_AT = ? WHERE ID = ?",
                    "other-node/4242/0/abcd1234", clock.instant().plusSeconds(30).atOffset(ZoneOffset.UTC), queued.id());
            launcher.launchRegistered(queued);
            // a negative: the launch runs on the import executor, so watch that nothing starts for a while
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> jobExecutions(importer) == 0);
            jdbc.update("UPDATE CONTACT_IMPORT SET LEASE_OWNER = NULL, LEASE_EXPIRES_AT = NULL WHERE ID = ?",
                    queued.id());

            ExecutorService runs = Executors.newFixedThreadPool(2);
            CountDownLatch go = new CountDownLatch(1);
            for (int i = 0; i < 2; i++) {
                runs.submit(() -> {
                    go.await();
                    launcher.launchRegistered(queued);
                    return null;
                });
            }
            go.countDown();
            runs.shutdown();
            assertThat(runs.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

            ImportRepository imports = importer.getBean(ImportRepository.class);
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> imports.findById(queued.id()).orElseThrow().status() == ImportStatus.COMPLETED);
            assertThat(jobExecutions(importer)).as("job executions of the raced import").isEqualTo(1);
            assertThat(importer.getBean(SandboxLeadLex.class).receivedRequests()).as("each chunk once").hasSize(5);
        }
    }

    @Test
    void recoveryLeavesALiveNodesImportAloneAndTakesItOverOnceItsLeaseExpired() throws Exception {
        long importId;
        try (ConfigurableApplicationContext first = start()) {
            importId = registerQueued(first, "cmp_lease_live", 45).id();
            // what another node that is alive and running it looks like: its lease, valid for 30 s more
            first.getBean(JdbcTemplate.class).update("UPDATE CONTACT_IMPORT SET LEASE_OWNER = ?, "
                    + "LEASE_EXPIRES_AT = ? WHERE ID = ?", "other-node/4242/0/abcd1234",
                    clock.instant().plusSeconds(30).atOffset(ZoneOffset.UTC), importId);
        }

        try (ConfigurableApplicationContext second = start()) {
            assertThat(second.getBean(ImportRepository.class).findById(importId).orElseThrow().status())
                    .as("not taken from a live node").isEqualTo(ImportStatus.QUEUED);
            assertThat(second.getBean(SandboxLeadLex.class).receivedRequests()).isEmpty();
        }

        clock.advance(Duration.ofSeconds(31));
        try (ConfigurableApplicationContext third = start()) {
            ImportRepository imports = third.getBean(ImportRepository.class);
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> imports.findById(importId).orElseThrow().status() == ImportStatus.COMPLETED);
            assertThat(third.getBean(SandboxLeadLex.class).enrolledCount("cmp_lease_live")).isEqualTo(45);
        }
    }

    private ConfigurableApplicationContext start() {
        return StandaloneImporter.start(workDir, clock,
                "--leadlex.sandbox.campaigns=cmp_lease_race,cmp_lease_live",
                "--leadlex.api-key=wbk_sandbox_unmetered",
                "--importer.chunk-size=10");
    }

    /** What a stop leaves when an import was registered but not yet launched: its row QUEUED, its list staged. */
    private ImportRecord registerQueued(ConfigurableApplicationContext importer, String campaign, int ids)
            throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < ids; i++) {
            lines.add(UUID.randomUUID().toString());
        }
        Path list = Files.write(workDir.resolve(campaign + ".txt"), lines);
        Path stagingDir = workDir.resolve("data").resolve("imports").resolve(campaign);
        StagedList staged;
        try (InputStream content = Files.newInputStream(list)) {
            staged = importer.getBean(ContactListStager.class).stage(content, campaign + ".txt", stagingDir);
        }
        ImportRepository imports = importer.getBean(ImportRepository.class);
        long id = imports.insert(new NewImport(campaign, "test", campaign + ".txt", "import:test", stagingDir,
                staged.contentHash(), ImportStatus.QUEUED, staged.rowsRead(), staged.validUnique(), staged.invalid(),
                staged.duplicates(), 10, null));
        return imports.findById(id).orElseThrow();
    }

    private static long jobExecutions(ConfigurableApplicationContext importer) {
        return importer.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION",
                Long.class);
    }
}
