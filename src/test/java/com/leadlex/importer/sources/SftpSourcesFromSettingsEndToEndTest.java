package com.leadlex.importer.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.sandbox.SandboxLeadLex;
import com.leadlex.importer.system.StandaloneImporter;

/**
 * SFTP sources set up by settings alone against a real SFTP server: one known as SFTP by its host
 * that deletes each list on the server once staged, and one on a cron.
 */
class SftpSourcesFromSettingsEndToEndTest {

    @TempDir
    Path workDir;

    private EmbeddedSftpServer server;
    private Path privateKey;
    private Path knownHosts;

    @BeforeEach
    void startServer() {
        KeyedSftpServer sftp = KeyedSftpServer.start(workDir);
        server = sftp.server();
        privateKey = sftp.privateKey();
        knownHosts = sftp.knownHosts();
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void anSftpSourceThatDeletesAfterPickupImportsTheListAndDeletesItOnTheServer() {
        server.put("crm/crm-list.csv", list(60));
        try (ConfigurableApplicationContext app = StandaloneImporter.start(workDir, null,
                concat(sftpSource("crm-sftp", "crm"), List.of(
                        "--leadlex.sandbox.campaigns=cmp_crm_sftp",
                        "--leadlex.api-key=wbk_sandbox_unmetered",
                        "--importer.sources.crm-sftp.campaign=cmp_crm_sftp",
                        "--importer.sources.crm-sftp.delete-after-pickup=true",
                        "--importer.sources.crm-sftp.delay=200")))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> status(app, "crm-list.csv") == ImportStatus.COMPLETED);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !Files.exists(server.root().resolve("crm/crm-list.csv")));

            assertThat(server.root().resolve("crm/done")).doesNotExist();
            assertThat(app.getBean(SandboxLeadLex.class).enrolledCount("cmp_crm_sftp")).isEqualTo(60);
            assertThat(app.getBean(ImportRepository.class).findRecent(10)).extracting(ImportRecord::sourceName)
                    .containsExactly("crm-sftp");
            assertThat(app.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT COUNT(*) FROM SOURCE_FILE_SEEN WHERE messageId LIKE 'crm-sftp:crm-list.csv:%'",
                    Integer.class)).isEqualTo(1);
            SourceStatus status = app.getBean(SourceStatusRegistry.class).current("crm-sftp").orElseThrow();
            assertThat(status.endpoint()).isEqualTo("sftp://127.0.0.1:" + server.port() + "/crm");
            assertThat(status.hostKeyChecked()).isTrue();
        }
    }

    @Test
    void anSftpSourceWithACronTakesWhatIsThereAtItsTimes() {
        server.put("nightly/tonight.csv", list(15));
        try (ConfigurableApplicationContext app = StandaloneImporter.start(workDir, null,
                concat(sftpSource("nightly-sftp", "nightly"), List.of(
                        "--leadlex.sandbox.campaigns=cmp_nightly_sftp",
                        "--leadlex.api-key=wbk_sandbox_unmetered",
                        "--importer.sources.nightly-sftp.campaign=cmp_nightly_sftp",
                        "--importer.sources.nightly-sftp.cron=0/2 * * * * ?",
                        "--importer.sources.nightly-sftp.time-zone=UTC")))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> status(app, "tonight.csv") == ImportStatus.COMPLETED);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Files.exists(server.root().resolve("nightly/done/tonight.csv")));

            SourceStatus status = app.getBean(SourceStatusRegistry.class).current("nightly-sftp").orElseThrow();
            assertThat(status.schedule()).isEqualTo("cron 0/2 * * * * ? UTC");
            assertThat(CronPickups.describe(app.getBean(CamelContext.class).getRoute("nightly-sftp").getConsumer()))
                    .isEqualTo("cron 0/2 * * * * ? UTC");
        }
    }

    private List<String> sftpSource(String name, String directory) {
        String prefix = "--importer.sources." + name + ".";
        return List.of(
                prefix + "host=127.0.0.1",
                prefix + "port=" + server.port(),
                prefix + "username=" + EmbeddedSftpServer.USER,
                prefix + "directory=" + directory,
                prefix + "private-key-file=" + privateKey,
                prefix + "known-hosts-file=" + knownHosts,
                prefix + "read-lock-check-interval=200",
                prefix + "read-lock-min-age=0");
    }

    private static String[] concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toArray(String[]::new);
    }

    private static ImportStatus status(ConfigurableApplicationContext app, String fileName) {
        return app.getBean(ImportRepository.class).findRecent(100).stream().filter(i -> fileName.equals(i.fileName()))
                .map(ImportRecord::status).findFirst().orElse(null);
    }

    private static String list(int count) {
        StringBuilder csv = new StringBuilder("email,contact_id\n");
        for (int i = 0; i < count; i++) {
            csv.append("p").append(i).append("@example.com,").append(UUID.randomUUID()).append('\n');
        }
        return csv.toString();
    }
}
