package com.leadlex.importer.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.sandbox.SandboxLeadLex;
import com.leadlex.importer.system.ImporterProcess;
import com.leadlex.importer.system.StandaloneImporter;
import com.leadlex.importer.system.TestDatabase;

/**
 * A pooled list is acknowledged (moved to done/) only once its import and its IDs are in the database:
 * an importer killed ({@code kill -9}) right after the move, long before the pool was due, sends the
 * list's IDs after the restart, and the list's own import completes.
 */
@Tag(TestDatabase.TAG)
class PooledListKillEndToEndTest {

    private static final int IDS = 40;

    @TempDir
    Path workDir;

    @BeforeAll
    static void databaseOfThisRunIsThere() {
        assumeTrue(TestDatabase.usable());
    }

    @Test
    void aPooledListMovedToDoneSurvivesAKillAndIsSentAfterTheRestart() throws Exception {
        List<String> settings = new ArrayList<>(List.of(
                "--leadlex.api-key=wbk_sandbox_unmetered",
                "--leadlex.sandbox.campaigns=cmp_pool_kill",
                "--importer.pool.below=500",
                "--importer.pool.max-wait=1h",
                "--importer.webhooks.poll-interval=200ms"));
        settings.addAll(TestDatabase.arguments());
        Path list = workDir.resolve("inbox").resolve("cmp_pool_kill").resolve("small.txt");

        try (ImporterProcess importer = ImporterProcess.start(workDir, settings)) {
            writeList(list);
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(10))
                    .until(() -> Files.exists(list.resolveSibling("done/small.txt")));
            importer.kill();
        }

        settings.add("--importer.pool.max-wait=1s");
        try (ConfigurableApplicationContext restarted = StandaloneImporter.start(workDir, null,
                settings.toArray(String[]::new))) {
            ImportRepository imports = restarted.getBean(ImportRepository.class);
            SandboxLeadLex sandbox = restarted.getBean(SandboxLeadLex.class);
            await().atMost(Duration.ofMinutes(1)).until(() -> imports.findLatest("inbox", "small.txt")
                    .map(record -> record.status() == ImportStatus.COMPLETED).orElse(false));
            assertThat(sandbox.enrolledCount("cmp_pool_kill")).isEqualTo(IDS);
            assertThat(sandbox.receivedRequests()).singleElement()
                    .satisfies(request -> assertThat(request.source()).startsWith("import:pool:"));
        }
    }

    /** Old enough for the inbox's read lock at once. */
    private static void writeList(Path list) throws IOException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < IDS; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        Path partial = Files.write(list.getParent().getParent().getParent().resolve("small.txt.writing"), ids);
        Files.setLastModifiedTime(partial, FileTime.from(Instant.now().minusSeconds(60)));
        Files.createDirectories(list.getParent());
        Files.move(partial, list);
    }
}
