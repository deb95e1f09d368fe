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
 * taken is remembered in the database (so across restarts too). And nothing is swallowed: an empty
 * list, a name already in done/ or failed/, a list outside any campaign folder, a list whose import
 * fails, each ends where an operator looks, with the reason.
 */
@ExtendWith(OutputCaptureExtension.class)
class InboxFolderHardeningEndToEndTest extends ImportIntegrationTest {

    @Autowired
    private SourceStatusRegistry sources;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private RejectedFileRepository rejectedFiles;

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

        Files.move(write("bad-list.csv", "name\nAda Lovelace\n"), folder.resolve("bad-list.csv"));

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
                Integer.class, "inbox:cmp_hardening_again/again.csv:%");
        assertThat(remembered).isEqualTo(1);

        // moved back as it was (same name, size and modification time), as a tidy-up script might
        Files.move(folder.resolve("done/again.csv"), folder.resolve("again.csv"));

        awaitPolls(3);
        assertThat(folder.resolve("again.csv")).exists();
        assertThat(imports.findRecent(100)).filteredOn(i -> "again.csv".equals(i.fileName())).hasSize(1);
    }

    @Test
    void anEmptyListIsTakenAndGoesToFailedWithAReportInsteadOfWaitingForEver() throws IOException {
        Path folder = Files.createDirectories(inbox().resolve("cmp_hardening_empty"));

        Files.move(write("empty.csv", ""), folder.resolve("empty.csv"));

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(folder.resolve("failed/empty.csv")));
        assertThat(Files.readString(folder.resolve("failed/empty.csv.error.txt"))).contains("The file is empty");
        assertThat(folder.resolve("empty.csv")).doesNotExist();
        assertThat(folder.resolve("empty.csv.camelLock")).doesNotExist();
    }

    @Test
    void aListWhoseNameIsAlreadyInDoneOrFailedIsKeptBesideItWithASuffixNeverOverwritingIt() throws IOException {
        sandbox.createCampaign("cmp_hardening_same_name");
        Path folder = Files.createDirectories(inbox().resolve("cmp_hardening_same_name"));
        Files.move(csvList("weekly.csv", newIds(3)), folder.resolve("weekly.csv"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(folder.resolve("done/weekly.csv")));
        String first = Files.readString(folder.resolve("done/weekly.csv"));
        Files.move(write("weekly.txt", "not a contact id\n"), folder.resolve("weekly.txt"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(folder.resolve("failed/weekly.txt")));

        Files.move(csvList("weekly.csv", newIds(4)), folder.resolve("weekly.csv"));
        Files.move(write("weekly.txt", "still not a contact id\n"), folder.resolve("weekly.txt"));

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(folder.resolve("done/weekly-2.csv"))
                && Files.exists(folder.resolve("failed/weekly-2.txt")));
        assertThat(Files.readString(folder.resolve("done/weekly.csv"))).isEqualTo(first);
        assertThat(lines(folder.resolve("done/weekly-2.csv"))).hasSize(5);
        assertThat(Files.readString(folder.resolve("failed/weekly.txt"))).isEqualTo("not a contact id\n");
        assertThat(Files.readString(folder.resolve("failed/weekly-2.txt.error.txt"))).contains("weekly.txt");
        assertThat(folder.resolve("failed/weekly.txt.error.txt")).exists();
    }

    @Test
    void aListInTheInboxRootIsReportedOnceInTheLogAndTheSourceStatus(CapturedOutput output) throws IOException {
        Path misplaced = inbox().resolve("no-campaign.csv");
        try {
            Files.move(csvList("no-campaign.csv", newIds(2)), misplaced);

            awaitPolls(3);
            assertThat(occurrences(output.getOut(), "List no-campaign.csv is in " + inbox())).isEqualTo(1);
            assertThat(sources.current("ingest-file").orElseThrow().lastError()).contains("no-campaign.csv",
                    "not in a campaign folder");
            assertThat(rejectedFiles.findRecent("inbox", 0, 20)).anySatisfy(rejected -> {
                assertThat(rejected.fileName()).isEqualTo("no-campaign.csv");
                assertThat(rejected.reason()).contains("move it into");
            });
            assertThat(misplaced).exists();
        } finally {
            Files.deleteIfExists(misplaced);
        }
    }

    @Test
    void aListWhoseImportFailsGoesToFailedWithTheReasonNotToDone() throws IOException {
        Path folder = Files.createDirectories(inbox().resolve("cmp_hardening_unknown"));

        Files.move(csvList("unknown-campaign.csv", newIds(5)), folder.resolve("unknown-campaign.csv"));

        await().atMost(Duration.ofSeconds(30)).until(() -> imports.findRecent(100).stream()
                .anyMatch(i -> "unknown-campaign.csv".equals(i.fileName()) && i.status() == ImportStatus.FAILED));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(folder.resolve("failed/unknown-campaign.csv")));
        assertThat(folder.resolve("done/unknown-campaign.csv")).doesNotExist();
        assertThat(Files.readString(folder.resolve("failed/unknown-campaign.csv.error.txt")))
                .contains("campaign_not_found", "restart import");
        assertThat(rejectedFiles.findRecent("inbox", 0, 20)).anySatisfy(rejected -> {
            assertThat(rejected.fileName()).isEqualTo("unknown-campaign.csv");
            assertThat(rejected.campaignId()).isEqualTo("cmp_hardening_unknown");
            assertThat(rejected.reason()).contains("campaign_not_found");
        });
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
