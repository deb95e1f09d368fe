package com.leadlex.importer.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.leadlex.importer.importjob.ImportIntegrationTest;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportStatus;

/**
 * Sources made from settings alone, beside the inbox: a second folder source with a fixed campaign,
 * a folder source that deletes what it took, and an SFTP source whose key is a placeholder nothing
 * resolved, which is left off with the reason while everything else runs.
 */
// its own context, closed afterwards: nothing keeps polling its folders
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class SourcesFromSettingsEndToEndTest extends ImportIntegrationTest {

    @TempDir
    static Path folders;

    private static Path crmDrop;
    private static Path deleting;

    @Autowired
    private SourceStatusRegistry sources;
    @Autowired
    private JdbcTemplate jdbc;
    @LocalServerPort
    private int httpPort;

    @DynamicPropertySource
    static void sourcesBySettings(DynamicPropertyRegistry registry) {
        crmDrop = folders.resolve("crm-drop");
        deleting = folders.resolve("deleting");
        registry.add("importer.sources.crm-drop.kind", () -> "folder");
        registry.add("importer.sources.crm-drop.directory", crmDrop::toString);
        registry.add("importer.sources.crm-drop.campaign", () -> "cmp_crm");
        registry.add("importer.sources.crm-drop.read-lock-min-age", () -> "0");
        registry.add("importer.sources.crm-drop.read-lock-check-interval", () -> "200");
        registry.add("importer.sources.crm-drop.delay", () -> "200");
        registry.add("importer.sources.tidy-drop.directory", deleting::toString);
        registry.add("importer.sources.tidy-drop.campaign", () -> "cmp_tidy");
        registry.add("importer.sources.tidy-drop.delete-after-pickup", () -> "true");
        registry.add("importer.sources.tidy-drop.delay", () -> "200");
        // as in the shipped example when SFTP_PARTNER_KEY_FILE is not set: Spring leaves the placeholder as it is
        registry.add("importer.sources.partner-sftp.enabled", () -> "true");
        registry.add("importer.sources.partner-sftp.host", () -> "sftp.partner.example");
        registry.add("importer.sources.partner-sftp.campaign", () -> "cmp_partner");
        registry.add("importer.sources.partner-sftp.private-key-file", () -> "${LEADLEX_TEST_UNSET_KEY_FILE}");
        // settings elsewhere named like the template parameters a source leaves out must not reach it
        registry.add("move", () -> "elsewhere/${file:onlyname}");
        registry.add("password", () -> "not-the-sources");
    }

    @Test
    void aSecondFolderSourceSetUpBySettingsAloneImportsAListIntoItsCampaign() throws IOException {
        sandbox.createCampaign("cmp_crm");

        Files.move(csvList("crm-export.csv", newIds(40)), Files.createDirectories(crmDrop).resolve("crm-export.csv"));

        await().atMost(Duration.ofSeconds(30)).until(() -> completed("crm-export.csv"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(crmDrop.resolve("done/crm-export.csv")));
        assertThat(sandbox.enrolledCount("cmp_crm")).isEqualTo(40);
        assertThat(importOf("crm-export.csv").sourceName()).isEqualTo("crm-drop");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SOURCE_FILE_SEEN WHERE messageId LIKE ?", Integer.class,
                "crm-drop:crm-export.csv:%")).isEqualTo(1);
        assertThat(sources.current("crm-drop").orElseThrow().state()).isEqualTo("ok");
    }

    @Test
    void aFolderSourceThatDeletesAfterPickupImportsTheListAndLeavesNothingBehind() throws IOException {
        sandbox.createCampaign("cmp_tidy");
        Path list = Files.createDirectories(deleting).resolve("tidy.csv");

        Files.move(csvList("tidy.csv", newIds(25)), list);

        await().atMost(Duration.ofSeconds(30)).until(() -> completed("tidy.csv"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(list));
        assertThat(sandbox.enrolledCount("cmp_tidy")).isEqualTo(25);
        assertThat(deleting.resolve("done")).doesNotExist();
        assertThat(deleting.resolve("elsewhere")).as("a setting named move elsewhere is not the source's")
                .doesNotExist();
    }

    @Test
    void anSftpSourceWithoutItsSecretIsDisabledWithTheReasonWhileTheInboxImports(CapturedOutput output)
            throws Exception {
        sandbox.createCampaign("cmp_inbox_beside");
        Path folder = Files.createDirectories(inbox().resolve("cmp_inbox_beside"));

        Files.move(csvList("beside.csv", newIds(30)), folder.resolve("beside.csv"));

        await().atMost(Duration.ofSeconds(30)).until(() -> completed("beside.csv"));
        SourceStatus sftp = sources.current("partner-sftp").orElseThrow();
        assertThat(sftp.state()).isEqualTo("disabled");
        assertThat(sftp.disabledReason()).contains("private-key-file", "${LEADLEX_TEST_UNSET_KEY_FILE}",
                "set the environment variable LEADLEX_TEST_UNSET_KEY_FILE");
        assertThat(get("/api/sources")).contains("\"source\":\"partner-sftp\"", "\"state\":\"disabled\"",
                "LEADLEX_TEST_UNSET_KEY_FILE", "\"source\":\"inbox\"", "\"source\":\"crm-drop\"");
        String health = get("/actuator/health/sources");
        assertThat(health).contains("\"status\":\"UP\"",
                "\"partner-sftp\":\"disabled: private-key-file is ${LEADLEX_TEST_UNSET_KEY_FILE}");
        assertThat(occurrences(output.getAll(), "Source partner-sftp is disabled")).isEqualTo(1);
    }

    private boolean completed(String fileName) {
        ImportRecord record = importOf(fileName);
        return record != null && record.status() == ImportStatus.COMPLETED;
    }

    private ImportRecord importOf(String fileName) {
        return imports.findRecent(100).stream().filter(i -> fileName.equals(i.fileName())).findFirst().orElse(null);
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
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
