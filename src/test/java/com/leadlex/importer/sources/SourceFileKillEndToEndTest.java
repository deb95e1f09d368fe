package com.leadlex.importer.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedWriter;
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

import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.sandbox.SandboxLeadLex;
import com.leadlex.importer.system.ImporterProcess;
import com.leadlex.importer.system.StandaloneImporter;
import com.leadlex.importer.system.TestDatabase;

/**
 * A list the inbox had recorded as taken, with the importer killed ({@code kill -9}) before the list
 * was staged and moved to done/, is taken again after the restart and imported: it is not left in
 * the inbox for ever with its key recorded.
 */
@Tag(TestDatabase.TAG)
class SourceFileKillEndToEndTest {

    private static final int IDS = 300_000;

    @TempDir
    Path workDir;

    @BeforeAll
    static void databaseOfThisRunIsThere() {
        assumeTrue(TestDatabase.usable());
    }

    @Test
    void aListTakenButNotYetMovedWhenTheImporterIsKilledIsImportedAfterTheRestart() throws Exception {
        List<String> settings = new ArrayList<>(List.of(
                "--leadlex.api-key=wbk_sandbox_unmetered",
                "--leadlex.sandbox.campaigns=cmp_stranded"));
        settings.addAll(TestDatabase.arguments());
        Path list = workDir.resolve("inbox").resolve("cmp_stranded").resolve("big.txt");

        try (ImporterProcess importer = ImporterProcess.start(workDir, settings)) {
            writeList(list);
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(10))
                    .until(() -> importer.logContains("Staging big.txt"));
            importer.kill();
        }
        assertThat(list).as("killed while staging, before the move: the list is still in the inbox").exists();

        try (ConfigurableApplicationContext restarted = StandaloneImporter.start(workDir, null,
                settings.toArray(String[]::new))) {
            ImportRepository imports = restarted.getBean(ImportRepository.class);
            await().atMost(Duration.ofMinutes(2)).until(() -> imports.findRecent(1).stream()
                    .anyMatch(i -> i.status() == ImportStatus.COMPLETED));
            ImportRecord record = imports.findRecent(1).get(0);
            assertThat(record.validIds()).isEqualTo(IDS);
            assertThat(restarted.getBean(SandboxLeadLex.class).enrolledCount("cmp_stranded")).isEqualTo(IDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(list.resolveSibling("done/big.txt")));
            assertThat(list).doesNotExist();
        }
    }

    /** Big enough that staging takes a while; old enough for the inbox's read lock at once. */
    private static void writeList(Path list) throws IOException {
        Path partial = list.getParent().getParent().getParent().resolve("big.txt.writing");
        try (BufferedWriter writer = Files.newBufferedWriter(partial)) {
            for (int i = 0; i < IDS; i++) {
                writer.write(UUID.randomUUID().toString());
                writer.newLine();
            }
        }
        Files.setLastModifiedTime(partial, FileTime.from(Instant.now().minusSeconds(60)));
        Files.createDirectories(list.getParent());
        Files.move(partial, list);
    }
}
