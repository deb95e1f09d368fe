package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import com.leadlex.importer.intake.ContactListIntake;
import com.leadlex.importer.leadlex.QuotaGateRegistry;
import com.leadlex.importer.leadlex.QuotaState;
import com.leadlex.importer.ledger.AuditEntry;
import com.leadlex.importer.ledger.ImportAuditRepository;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.sandbox.SandboxLeadLex;
import com.leadlex.importer.system.ManualClock;
import com.leadlex.importer.system.ManualTimeConfiguration;
import com.leadlex.importer.system.StandaloneImporter;
import com.leadlex.importer.system.TestDatabase;

/**
 * A key with 2 requests a day, and the importer stopped and started again on the same database:
 * the new process knows the day's 2 requests are used and sends none (before, it forgot and sent 2
 * more), and when the configured limits were raised in between, the import paused until midnight
 * is planned again and finishes at once. Each process has its own sandbox, which forgets what it
 * counted: the requests each one receives are what the importer sent.
 */
@Tag(TestDatabase.TAG)
class QuotaRememberedEndToEndTest {

    private static final String KEY = "wbk_two_a_day_0001";
    private static final String CAMPAIGN = "cmp_remembered";

    private final ManualClock clock = new ManualClock(ManualTimeConfiguration.START);

    @TempDir
    Path workDir;

    private List<String> database;

    @BeforeEach
    void ownDatabase() throws SQLException {
        database = TestDatabase.arguments();
    }

    @Test
    void aRestartedImporterStillKnowsTheDaysRequestsAreUsedAndSendsNoMore() throws IOException {
        long paused;
        try (ConfigurableApplicationContext first = start(2)) {
            paused = importNow(first, list(3));
            assertThat(status(first, paused)).isEqualTo(ImportStatus.PAUSED);
            assertThat(first.getBean(SandboxLeadLex.class).receivedRequests()).hasSize(2);
        }

        try (ConfigurableApplicationContext second = start(2)) {
            QuotaState quota = second.getBean(QuotaGateRegistry.class).configuredKeyState().orElseThrow();
            assertThat(quota.usedToday()).as("the quota panel after the restart").isEqualTo(2);
            assertThat(quota.leftToday()).isZero();

            long another = importNow(second, list(1));

            assertThat(status(second, another)).isEqualTo(ImportStatus.PAUSED);
            ImportRecord pausedAgain = second.getBean(ImportRepository.class).findById(another).orElseThrow();
            assertThat(pausedAgain.resumeAt()).isEqualTo(ManualTimeConfiguration.START.plus(Duration.ofHours(14)));
            assertThat(second.getBean(SandboxLeadLex.class).receivedRequests()).as("nothing beyond the day's 2")
                    .isEmpty();
            assertThat(status(second, paused)).as("still waiting for midnight").isEqualTo(ImportStatus.PAUSED);
        }
    }

    @Test
    void raisingTheConfiguredLimitsBringsAPausedImportForward() throws IOException {
        long paused;
        try (ConfigurableApplicationContext first = start(2)) {
            paused = importNow(first, list(3));
            assertThat(status(first, paused)).isEqualTo(ImportStatus.PAUSED);
        }

        // the key's plan was upgraded, at LeadLex and in the configuration; midnight has not come
        try (ConfigurableApplicationContext second = start(1_000)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> status(second, paused) == ImportStatus.COMPLETED);

            assertThat(clock.instant()).isBefore(ManualTimeConfiguration.START.plus(Duration.ofHours(1)));
            assertThat(second.getBean(SandboxLeadLex.class).receivedRequests()).as("the chunk left over").hasSize(1);
            assertThat(second.getBean(SandboxLeadLex.class).enrolledCount(CAMPAIGN)).isEqualTo(1);
            assertThat(second.getBean(ImportAuditRepository.class).findByImport(paused))
                    .extracting(AuditEntry::action).contains("replan", "resume");
        }
    }

    /** The importer with {@code perDay} requests a day configured, and the sandbox's key allowing as many. */
    private ConfigurableApplicationContext start(int perDay) {
        List<String> settings = new ArrayList<>(List.of(
                "--leadlex.sandbox.campaigns=" + CAMPAIGN,
                "--leadlex.sandbox.keys[0].key=" + KEY,
                "--leadlex.sandbox.keys[0].permissions[0]=campaigns:write",
                "--leadlex.sandbox.keys[0].requests-per-day=" + perDay,
                "--leadlex.api-key=" + KEY,
                "--leadlex.requests-per-day=" + perDay,
                "--importer.chunk-size=1"));
        settings.addAll(database);
        return StandaloneImporter.start(workDir, clock, settings.toArray(String[]::new));
    }

    private static ImportStatus status(ConfigurableApplicationContext context, long importId) {
        return context.getBean(ImportRepository.class).findById(importId).orElseThrow().status();
    }

    private static long importNow(ConfigurableApplicationContext context, Path list) throws IOException {
        try (InputStream content = Files.newInputStream(list)) {
            return context.getBean(ContactListIntake.class)
                    .accept(content, list.getFileName().toString(), CAMPAIGN, "test", false, true)
                    .launch().importId();
        }
    }

    private Path list(int count) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(UUID.randomUUID().toString());
        }
        return Files.write(workDir.resolve("list-" + UUID.randomUUID() + ".txt"), lines);
    }
}
