package com.leadlex.importer.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.leadlex.importer.importjob.ImportIntegrationTest;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportStatus;

/** The folder inbox (the source ingest-file, from routes/folder-source.camel.yaml), watching a real folder. */
class InboxFolderEndToEndTest extends ImportIntegrationTest {

    @Test
    void aListDroppedIntoACampaignFolderIsImportedAndMovedToDone() throws IOException {
        sandbox.createCampaign("cmp_inbox_ok");
        List<String> ids = newIds(750);
        Path folder = Files.createDirectories(inbox().resolve("cmp_inbox_ok"));
        Path staged = csvList("dropped.csv", ids);

        Files.move(staged, folder.resolve("dropped.csv"));

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(folder.resolve("done").resolve("dropped.csv")));
        await().atMost(Duration.ofSeconds(30)).until(() -> importOf("dropped.csv") != null
                && importOf("dropped.csv").status() == ImportStatus.COMPLETED);
        assertThat(Files.exists(folder.resolve("dropped.csv"))).isFalse();
        assertThat(sandbox.enrolledCount("cmp_inbox_ok")).isEqualTo(750);
        assertThat(importOf("dropped.csv").sourceName()).isEqualTo("inbox");
        assertThat(requestsFor("cmp_inbox_ok")).hasSize(2)
                .allSatisfy(request -> assertThat(request.source()).isEqualTo("import:inbox:dropped.csv"));
    }

    @Test
    void aListThatCannotBeStagedGoesToFailedWithAReportBesideIt() throws IOException {
        Path folder = Files.createDirectories(inbox().resolve("cmp_inbox_bad"));
        Path staged = write("no-id-column.csv", "name;city\nAda Lovelace;London\n");

        Files.move(staged, folder.resolve("no-id-column.csv"));

        Path report = folder.resolve("failed").resolve("no-id-column.csv.error.txt");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(folder.resolve("failed").resolve("no-id-column.csv")));
        assertThat(report).exists();
        assertThat(Files.readString(report)).contains("no-id-column.csv").containsIgnoringCase("contact_id")
                .contains("Nothing from this file was imported");
        assertThat(importOf("no-id-column.csv")).isNull();
        assertThat(requestsFor("cmp_inbox_bad")).isEmpty();
    }

    @Test
    void aFileStillBeingWrittenIsNotPickedUpUntilItStopsChanging() throws Exception {
        sandbox.createCampaign("cmp_inbox_slow");
        List<String> ids = newIds(1_500);
        Path folder = Files.createDirectories(inbox().resolve("cmp_inbox_slow"));
        Path growing = folder.resolve("slow-upload.csv");
        Files.writeString(growing, "contact_id\n");
        AtomicInteger written = new AtomicInteger();
        ScheduledExecutorService uploader = Executors.newSingleThreadScheduledExecutor();
        try {
            // an upload that appends 100 rows every 200 ms, for about three seconds
            uploader.scheduleAtFixedRate(() -> appendRows(growing, ids, written), 0, 200, TimeUnit.MILLISECONDS);
            await().during(Duration.ofMillis(2_500)).atMost(Duration.ofSeconds(5))
                    .until(() -> Files.exists(growing) && importOf("slow-upload.csv") == null);
            await().atMost(Duration.ofSeconds(10)).until(() -> written.get() == ids.size());
        } finally {
            uploader.shutdownNow();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> importOf("slow-upload.csv") != null
                && importOf("slow-upload.csv").status() == ImportStatus.COMPLETED);
        assertThat(importOf("slow-upload.csv").validIds()).isEqualTo(1_500);
        assertThat(sandbox.enrolledCount("cmp_inbox_slow")).isEqualTo(1_500);
    }

    private static void appendRows(Path file, List<String> ids, AtomicInteger written) {
        int from = written.get();
        if (from >= ids.size()) {
            return;
        }
        int to = Math.min(from + 100, ids.size());
        try {
            Files.writeString(file, String.join("\n", ids.subList(from, to)) + "\n", StandardOpenOption.APPEND);
            written.set(to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ImportRecord importOf(String fileName) {
        return imports.findRecent(100).stream().filter(i -> fileName.equals(i.fileName())).findFirst().orElse(null);
    }
}
