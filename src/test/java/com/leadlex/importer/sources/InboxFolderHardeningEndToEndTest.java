package com.leadlex.importer.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import com.leadlex.importer.importjob.ImportIntegrationTest;
import com.leadlex.importer.ledger.ImportStatus;

/**
 * The folder inbox under the conditions that hurt: a file of another kind, a list that fails, the
 * same file dropped again unchanged. Each costs at most one log line, never a loop, and a file once
 * taken is remembered in the database (so across restarts too).
 */
@ExtendWith(OutputCaptureExtension.class)
class InboxFolderHardeningEndToEndTest extends ImportIntegrationTest {

    @Autowired
    private SourceStatusRegistry sources;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aFileOfAnotherKindIsIgnoredWithOneLogLineAndLeftWhereItIs(CapturedOutput output) throws IOException {
        Path folder = Files.createDirectories(inbox().resolve("cmp_hardening_other"));

        Files.writeString(folder.resolve("report.xlsx"), "not a list");

        awaitPolls(3);
        assertThat(occurrences(output.getOut(), "Ignoring " + folder.resolve("report.xlsx"))).isEqualTo(1);
        assertThat(folder.resolve("report.xlsx")).exists();
        assertThat(folder.resolve("failed")).doesNotExist();
    }

    @Test
    void aFailedListIsRejectedOnceAndNotPickedAgain(CapturedOutput output) throws IOException {
        Path folder = Files.createDirectories(inbox().resolve("cmp_hardening_bad"));

        Files.move(write("bad-list.csv", "email\nx@example.com\n"), folder.resolve("bad-list.csv"));

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(folder.resolve("failed/bad-list.csv")));
        awaitPolls(3);
        assertThat(occurrences(output.getOut(), "Rejected bad-list.csv")).isEqualTo(1);
    }

    @Test
    void theSameFileDroppedAgainUnchangedIsNotTakenTwiceAndIsRememberedInTheDatabase() throws IOException {
        sandbox.createCampaign("cmp_hardening_again");
        Path folder = Files.createDirectories(inbox().resolve("cmp_hardening_again"));
        Files.move(csvList("again.csv", newIds(20)), folder.resolve("again.csv"));
        await().atMost(Duration.ofSeconds(30)).until(() -> imports.findRecent(100).stream()
                .anyMatch(i -> "again.csv".equals(i.fileName()) && i.status() == ImportStatus.COMPLETED));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(folder.resolve("done/again.csv")));
        Integer remembered = jdbc.queryForObject("SELECT COUNT(*) FROM SOURCE_FILE_SEEN WHERE messageId LIKE ?",
                Integer.class, "inbox:%again.csv:%");
        assertThat(remembered).isEqualTo(1);

        // moved back as it was (same name, size and modification time), as a tidy-up script might
        Files.move(folder.resolve("done/again.csv"), folder.resolve("again.csv"));

        awaitPolls(3);
        assertThat(folder.resolve("again.csv")).exists();
        assertThat(imports.findRecent(100)).filteredOn(i -> "again.csv".equals(i.fileName())).hasSize(1);
    }

    private void awaitPolls(int more) {
        long then = sources.current("ingest-file").orElseThrow().polls();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> sources.current("ingest-file").orElseThrow().polls() >= then + more);
    }

    private static int occurrences(String text, String needle) {
        Matcher matcher = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
